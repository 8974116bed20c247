using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace Plugsmm.Client;

/// <summary>
/// Makes a string of bytes known to be ASCII (an encoded form body: every other byte is escaped). The runtime's
/// decoders widen with 128-bit vectors (and ASCII's validates first); here whole 512- or 256-bit vectors are widened
/// when the machine has them, which is most of the cost of turning a body into a string besides the allocation.
/// </summary>
internal static class AsciiText
{
    public static string ToString(ReadOnlySpan<byte> ascii) =>
        ascii.IsEmpty ? string.Empty : string.Create(ascii.Length, ascii, static (chars, bytes) => Widen(bytes, chars));

    /// <summary>Widens each byte of <paramref name="source"/> to a char of <paramref name="destination"/> (same length).</summary>
    internal static void Widen(ReadOnlySpan<byte> source, Span<char> destination)
    {
        if (destination.Length != source.Length)
        {
            throw new ArgumentException("The destination must be as long as the source.", nameof(destination));
        }

        ref var from = ref MemoryMarshal.GetReference(source);
        ref var to = ref MemoryMarshal.GetReference(MemoryMarshal.Cast<char, ushort>(destination));
        var length = source.Length;
        if (Vector512.IsHardwareAccelerated && length >= Vector512<byte>.Count)
        {
            var last = (nuint)(length - Vector512<byte>.Count);
            for (nuint i = 0; i < last; i += (nuint)Vector512<byte>.Count)
            {
                Widen512(ref from, ref to, i);
            }

            // The tail as one more (overlapping) vector.
            Widen512(ref from, ref to, last);
            return;
        }

        if (Vector256.IsHardwareAccelerated && length >= Vector256<byte>.Count)
        {
            var last = (nuint)(length - Vector256<byte>.Count);
            for (nuint i = 0; i < last; i += (nuint)Vector256<byte>.Count)
            {
                Widen256(ref from, ref to, i);
            }

            Widen256(ref from, ref to, last);
            return;
        }

        Encoding.Latin1.GetChars(source, destination);
    }

    private static void Widen512(ref byte from, ref ushort to, nuint offset)
    {
        var (lower, upper) = Vector512.Widen(Vector512.LoadUnsafe(ref from, offset));
        lower.StoreUnsafe(ref to, offset);
        upper.StoreUnsafe(ref to, offset + (nuint)Vector512<ushort>.Count);
    }

    private static void Widen256(ref byte from, ref ushort to, nuint offset)
    {
        var (lower, upper) = Vector256.Widen(Vector256.LoadUnsafe(ref from, offset));
        lower.StoreUnsafe(ref to, offset);
        upper.StoreUnsafe(ref to, offset + (nuint)Vector256<ushort>.Count);
    }
}
