using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Security.Cryptography;

namespace Plugsmm.Client;

/// <summary>
/// Zeroes buffers that held a form body (and so the API key) before they are reused. The same guarantee as
/// <see cref="CryptographicOperations.ZeroMemory"/> — the call is never inlined, so the stores cannot be dropped as
/// dead — with vector stores for the few hundred bytes of a body instead of a call into <c>memset</c>, which costs
/// more than the stores themselves at this size.
/// </summary>
internal static class SecretWipe
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Clear(Span<byte> buffer)
    {
        if (!Vector256.IsHardwareAccelerated || buffer.Length < Vector256<byte>.Count || buffer.Length > 4096)
        {
            CryptographicOperations.ZeroMemory(buffer);
            return;
        }

        ref var start = ref MemoryMarshal.GetReference(buffer);
        var last = (nuint)(buffer.Length - Vector256<byte>.Count);
        if (Vector512.IsHardwareAccelerated && buffer.Length >= Vector512<byte>.Count)
        {
            var last512 = (nuint)(buffer.Length - Vector512<byte>.Count);
            for (nuint i = 0; i < last512; i += (nuint)Vector512<byte>.Count)
            {
                Vector512<byte>.Zero.StoreUnsafe(ref start, i);
            }

            // The tail as one more (overlapping) store.
            Vector512<byte>.Zero.StoreUnsafe(ref start, last512);
            return;
        }

        for (nuint i = 0; i < last; i += (nuint)Vector256<byte>.Count)
        {
            Vector256<byte>.Zero.StoreUnsafe(ref start, i);
        }

        Vector256<byte>.Zero.StoreUnsafe(ref start, last);
    }
}
