using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace Plugsmm.Client;

/// <summary>
/// PHP's <c>urlencode</c> on UTF-8 bytes: <c>A-Z a-z 0-9 - _ .</c> stay bare, space becomes <c>+</c>,
/// every other byte becomes <c>%XX</c> with upper-case hex. Reads UTF-16 and writes the escaped UTF-8
/// straight into a span, with no intermediate string.
/// </summary>
/// <remarks>
/// Where SSSE3 (x86) or AdvSimd (Arm64) is available on a little-endian machine, text is escaped 16 chars at a time
/// with byte shuffles (<see cref="TryEscapeVectorized{TWidth}"/>), with one AVX-512 VBMI2 compress instead of four
/// shuffles where the machine has it (<see cref="BestWidth"/>), and chars above 0x7F one code point at a time
/// (<see cref="TryEscapeMixed{TWidth}"/>). Elsewhere (big-endian machines included) the scalar path runs; it is also
/// the reference the vector paths are tested against.
/// </remarks>
internal static class PhpUrlEscaper
{
    /// <summary>The most bytes one UTF-16 char can become: a 3-byte UTF-8 sequence, each byte as <c>%XX</c>.</summary>
    public const int MaxBytesPerChar = 9;

    /// <summary>
    /// Bytes a destination needs past <c>9 * chars</c>: the vector path stores up to 64 bytes past where a block of
    /// chars starts, even when no char is left (see <see cref="TryEscapeVectorized{TWidth}"/>); the scalar path needs 1.
    /// </summary>
    public const int DestinationSpare = 64;

    /// <summary>
    /// One entry per ASCII char: the escaped bytes little-endian in the low three bytes, their count in the
    /// top byte. Written as one 4-byte store, so a destination needs one spare byte past the output.
    /// </summary>
    private static readonly uint[] AsciiTable = BuildAsciiTable();

    private static ReadOnlySpan<byte> Hex => "0123456789ABCDEF"u8;

    /// <summary>
    /// For each escape mask of 4 chars (bit j: char j is escaped), the shuffle that compacts the 16 candidate
    /// bytes of the 4 chars (<c>[c or '+', '%', hex hi, hex lo]</c> each) into their output: byte <c>4j</c> for a
    /// bare char, bytes <c>4j+1 … 4j+3</c> for an escaped one; <c>0x80</c> (a zero byte) pads the rest.
    /// </summary>
    private static ReadOnlySpan<byte> CompactShuffles =>
    [
        0x00, 0x04, 0x08, 0x0C, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, // 0000
        0x01, 0x02, 0x03, 0x04, 0x08, 0x0C, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, // 0001
        0x00, 0x05, 0x06, 0x07, 0x08, 0x0C, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, // 0010
        0x01, 0x02, 0x03, 0x05, 0x06, 0x07, 0x08, 0x0C, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, // 0011
        0x00, 0x04, 0x09, 0x0A, 0x0B, 0x0C, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, // 0100
        0x01, 0x02, 0x03, 0x04, 0x09, 0x0A, 0x0B, 0x0C, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, // 0101
        0x00, 0x05, 0x06, 0x07, 0x09, 0x0A, 0x0B, 0x0C, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, // 0110
        0x01, 0x02, 0x03, 0x05, 0x06, 0x07, 0x09, 0x0A, 0x0B, 0x0C, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, // 0111
        0x00, 0x04, 0x08, 0x0D, 0x0E, 0x0F, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, // 1000
        0x01, 0x02, 0x03, 0x04, 0x08, 0x0D, 0x0E, 0x0F, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, // 1001
        0x00, 0x05, 0x06, 0x07, 0x08, 0x0D, 0x0E, 0x0F, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, // 1010
        0x01, 0x02, 0x03, 0x05, 0x06, 0x07, 0x08, 0x0D, 0x0E, 0x0F, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, // 1011
        0x00, 0x04, 0x09, 0x0A, 0x0B, 0x0D, 0x0E, 0x0F, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, // 1100
        0x01, 0x02, 0x03, 0x04, 0x09, 0x0A, 0x0B, 0x0D, 0x0E, 0x0F, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, // 1101
        0x00, 0x05, 0x06, 0x07, 0x09, 0x0A, 0x0B, 0x0D, 0x0E, 0x0F, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, // 1110
        0x01, 0x02, 0x03, 0x05, 0x06, 0x07, 0x09, 0x0A, 0x0B, 0x0D, 0x0E, 0x0F, 0x80, 0x80, 0x80, 0x80, // 1111
    ];

    /// <summary>For 4 vectors of 16 bytes A, B, C, D laid end to end: A0 B0 C0 D0 A1 B1 C1 D1 …</summary>
    private static ReadOnlySpan<byte> InterleaveFour =>
    [
        0, 16, 32, 48, 1, 17, 33, 49, 2, 18, 34, 50, 3, 19, 35, 51, 4, 20, 36, 52, 5, 21, 37, 53, 6, 22, 38, 54, 7, 23, 39, 55,
        8, 24, 40, 56, 9, 25, 41, 57, 10, 26, 42, 58, 11, 27, 43, 59, 12, 28, 44, 60, 13, 29, 45, 61, 14, 30, 46, 62, 15, 31, 47, 63,
    ];

    /// <summary>
    /// Shifts bytes down as a shuffle: the 16 bytes at offset <c>n</c> (0 to 32) move bytes down by <c>n</c>;
    /// <c>0x80</c> (a zero byte) fills.
    /// </summary>
    private static ReadOnlySpan<byte> ShiftShuffles =>
    [
        0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F,
        0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80,
        0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80,
    ];

    /// <summary>
    /// For a text of 1 to 15 chars read as a head (bytes 0-7) and a tail (bytes 8-15) that overlap: entry <c>s</c>
    /// keeps head bytes <c>0 .. s-1</c> and puts tail bytes <c>8 .. 15</c> at <c>s .. s+7</c>; zeros after.
    /// </summary>
    private static ReadOnlySpan<byte> PlaceTailShuffles =>
    [
        0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80,
        0x00, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80,
        0x00, 0x01, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80,
        0x00, 0x01, 0x02, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F, 0x80, 0x80, 0x80, 0x80, 0x80,
        0x00, 0x01, 0x02, 0x03, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F, 0x80, 0x80, 0x80, 0x80,
        0x00, 0x01, 0x02, 0x03, 0x04, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F, 0x80, 0x80, 0x80,
        0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F, 0x80, 0x80,
        0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F, 0x80,
    ];

    /// <summary>Whether the vector path can run: a byte shuffle (pshufb or tbl) on a little-endian machine.</summary>
    internal static bool IsVectorized =>
        BitConverter.IsLittleEndian && (Ssse3.IsSupported || AdvSimd.Arm64.IsSupported);

    /// <summary>Whether PHP's urlencode leaves <paramref name="c"/> bare.</summary>
    public static bool IsUnreserved(char c) =>
        c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.';

    /// <summary>The destination size <see cref="TryEscape"/> needs for <paramref name="sourceLength"/> chars.</summary>
    public static int RequiredDestinationLength(int sourceLength) => checked((sourceLength * MaxBytesPerChar) + DestinationSpare);

    /// <summary>
    /// Escapes <paramref name="source"/> into <paramref name="destination"/>, which must hold
    /// <see cref="RequiredDestinationLength"/> bytes.
    /// </summary>
    /// <param name="source">UTF-16 text; a surrogate pair must not be split across two calls.</param>
    /// <param name="destination">Where the escaped UTF-8 goes.</param>
    /// <param name="bytesWritten">Bytes written, up to the end or up to the lone surrogate.</param>
    /// <param name="invalidIndex">The index of a lone UTF-16 surrogate in <paramref name="source"/>, or -1.</param>
    /// <returns><see langword="false"/> when <paramref name="source"/> holds a lone surrogate.</returns>
    public static bool TryEscape(ReadOnlySpan<char> source, Span<byte> destination, out int bytesWritten, out int invalidIndex)
    {
        // Every write below is unchecked, and the vector path stores 16 to 64 bytes at a time: the size is checked once.
        if ((long)destination.Length < ((long)source.Length * MaxBytesPerChar) + DestinationSpare)
        {
            ThrowDestinationTooSmall(nameof(destination));
        }

        if (IsVectorized && source.Length > 0)
        {
            // Keys and short values (1 to 8 ASCII chars) here, without a call; the rest out of line.
            if (source.Length <= 8 && TryEscapeShortAscii(source, destination, out bytesWritten))
            {
                invalidIndex = -1;
                return true;
            }

            return TryEscapeVectorized<BestWidth>(source, destination, out bytesWritten, out invalidIndex);
        }

        var pos = 0;
        var end = EscapeScalar(source, 0, source.Length, ref MemoryMarshal.GetReference(destination), ref pos);
        bytesWritten = pos;
        invalidIndex = end < 0 ? ~end : -1;
        return end >= 0;
    }

    /// <summary>
    /// The vector path without its 512-bit blocks (as on machines without AVX-512 VBMI2), with the same contract as
    /// <see cref="TryEscape"/>: for tests on machines that have them.
    /// </summary>
    internal static bool TryEscapeVector128(ReadOnlySpan<char> source, Span<byte> destination, out int bytesWritten, out int invalidIndex)
    {
        if ((long)destination.Length < ((long)source.Length * MaxBytesPerChar) + DestinationSpare)
        {
            ThrowDestinationTooSmall(nameof(destination));
        }

        if (!IsVectorized)
        {
            return TryEscapeScalar(source, destination, out bytesWritten, out invalidIndex);
        }

        bytesWritten = 0;
        invalidIndex = -1;
        return source.Length == 0 || TryEscapeVectorized<Vector128Only>(source, destination, out bytesWritten, out invalidIndex);
    }

    /// <summary>
    /// The scalar escaper alone (the reference for the vector path), with the same contract as <see cref="TryEscape"/>.
    /// </summary>
    internal static bool TryEscapeScalar(ReadOnlySpan<char> source, Span<byte> destination, out int bytesWritten, out int invalidIndex)
    {
        if ((long)destination.Length < ((long)source.Length * MaxBytesPerChar) + DestinationSpare)
        {
            ThrowDestinationTooSmall(nameof(destination));
        }

        var pos = 0;
        var end = EscapeScalar(source, 0, source.Length, ref MemoryMarshal.GetReference(destination), ref pos);
        bytesWritten = pos;
        invalidIndex = end < 0 ? ~end : -1;
        return end >= 0;
    }

    /// <summary>
    /// Escapes 1 to 8 chars when they are all ASCII (read as in <see cref="ReadShort"/>, escaped with two stores);
    /// <see langword="false"/>, and nothing written, when one is not.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryEscapeShortAscii(ReadOnlySpan<char> source, Span<byte> destination, out int bytesWritten)
    {
        ref var src = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(source));
        var length = source.Length;
        Vector128<ushort> chars;
        if (length == 8)
        {
            chars = Vector128.LoadUnsafe(ref src);
        }
        else
        {
            // The first 4 chars and the last 4, these moved to their place (the bits shifted out are chars the
            // first 4 hold); or, for 1 to 3 chars, the first 2 (or 1) and the last one, put together where they
            // overlap (they hold the same char there). Zeros after the text.
            if (length >= 4)
            {
                var head = Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<ushort, byte>(ref src));
                var tail = Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<ushort, byte>(ref Unsafe.Add(ref src, length - 4)));
                var shift = 16 * (8 - length); // 16 to 64: a shift by 64 must give 0, so in two steps
                chars = Vector128.Create(head, (tail >> 1) >> (shift - 1)).AsUInt16();
            }
            else
            {
                ulong head = length == 1 ? src : Unsafe.ReadUnaligned<uint>(ref Unsafe.As<ushort, byte>(ref src));
                ulong tail = Unsafe.Add(ref src, length - 1);
                chars = Vector128.CreateScalar(head | (tail << (16 * (length - 1)))).AsUInt16();
            }
        }

        if ((chars & Vector128.Create((ushort)0xFF80)) != Vector128<ushort>.Zero)
        {
            bytesWritten = 0;
            return false;
        }

        bytesWritten = EscapeBlock<Vector128Only>(Narrow(chars, Vector128<ushort>.Zero), ref MemoryMarshal.GetReference(destination), 0, length, groups: 2);
        return true;
    }

    /// <summary>
    /// Escapes ASCII bytes (numbers already formatted) into <paramref name="destination"/>, which must hold
    /// <c>3 * source.Length + 1</c> bytes.
    /// </summary>
    public static int EscapeAscii(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        ref var dst = ref MemoryMarshal.GetReference(destination);
        ref var table = ref MemoryMarshal.GetArrayDataReference(AsciiTable);
        var pos = 0;
        foreach (var b in source)
        {
            pos += WriteEntry(ref dst, pos, Unsafe.Add(ref table, b & 0x7F));
        }

        return pos;
    }

    /// <summary>
    /// The vector path. ASCII text is narrowed to bytes 16 chars at a time and escaped whole
    /// (<see cref="EscapeBlock{TWidth}(Vector128{byte}, ref byte, int, int, int)"/>); the last 1 to 15 chars are read
    /// as the last 16 chars of the text and shifted down, NULs filling in behind them (their <c>%00</c> is not
    /// counted); a text of fewer than 16 chars is read as two overlapping halves put at their places
    /// (<see cref="ReadShort"/>). From the first block that holds a char above 0x7F, <see cref="TryEscapeMixed{TWidth}"/>
    /// takes over.
    /// </summary>
    /// <remarks>
    /// Safety of the stores: the destination holds <c>9 * source.Length + DestinationSpare</c> bytes and no char ever
    /// becomes more than 9 bytes, so at least <c>9 * remaining + DestinationSpare</c> bytes are free where a block, a
    /// copied run or a code point starts. A block of 128-bit shuffles stores its last 16 bytes at most 36 bytes past
    /// its start (3 bytes for each of 12 chars), reaching 52 bytes; a 512-bit block stores 64 bytes at its start; a
    /// run copy stores 48 bytes and a code point 16: all within the spare 64, even after the last char. So nothing is
    /// ever written more than 64 bytes past the final output; what lies there (escaped chars of the same text,
    /// <c>%00</c>, zeros) is for the caller to wipe with the rest (<see cref="PooledByteBufferWriter"/> does).
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining)] // one copy of this large loop, rather than one in every caller
    private static bool TryEscapeVectorized<TWidth>(ReadOnlySpan<char> source, Span<byte> destination, out int bytesWritten, out int invalidIndex)
        where TWidth : struct, IVectorWidth
    {
        ref var src = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(source));
        ref var dst = ref MemoryMarshal.GetReference(destination);
        var length = source.Length;
        var pos = 0;
        var i = 0;

        if (length < 16)
        {
            ReadShort(ref src, length, out var chars, out var head, out var tail, out _);
            if (NonAsciiBits(head, tail) == 0)
            {
                // Only the stores the chars need (the NULs after them are not counted).
                bytesWritten = length <= 4 ? EscapeBlock<TWidth>(chars, ref dst, 0, length, groups: 1)
                    : length <= 8 ? EscapeBlock<TWidth>(chars, ref dst, 0, length, groups: 2)
                    : EscapeBlock<TWidth>(chars, ref dst, 0, length, groups: 4);
                invalidIndex = -1;
                return true;
            }

            return TryEscapeMixed<TWidth>(source, destination, 0, 0, out bytesWritten, out invalidIndex);
        }

        // ASCII text, 16 chars at a time: where the next block starts does not wait for this one.
        while (length - i >= 16)
        {
            var low = Vector128.LoadUnsafe(ref src, (nuint)i);
            var high = Vector128.LoadUnsafe(ref src, (nuint)(i + 8));
            if (NonAsciiBits(low, high) != 0)
            {
                return TryEscapeMixed<TWidth>(source, destination, i, pos, out bytesWritten, out invalidIndex);
            }

            pos = EscapeBlock<TWidth>(Narrow(low, high), ref dst, pos, 16, groups: 4);
            i += 16;
        }

        var rest = length - i;
        if (rest > 0)
        {
            // The last 16 chars, shifted down so that the 'rest' not yet escaped come first, then NULs.
            var low = Vector128.LoadUnsafe(ref src, (nuint)(length - 16));
            var high = Vector128.LoadUnsafe(ref src, (nuint)(length - 8));
            if (NonAsciiBits(low, high) != 0)
            {
                return TryEscapeMixed<TWidth>(source, destination, i, pos, out bytesWritten, out invalidIndex);
            }

            pos = EscapeBlock<TWidth>(Shuffle(Narrow(low, high), ShiftDown(16 - rest)), ref dst, pos, rest, groups: 4);
        }

        bytesWritten = pos;
        invalidIndex = -1;
        return true;
    }

    /// <summary>
    /// The vector path from <paramref name="i"/> (output at <paramref name="pos"/>) on, for text that holds chars above
    /// 0x7F. A window of 16 chars (or the rest) is escaped once into a scratch buffer, chars above 0x7F as 3-byte
    /// placeholders; then its runs of ASCII chars are copied out of it and each other code point (a char, or a
    /// surrogate pair) is written on its own (<see cref="WriteCodePoint"/>). Where the next window starts depends only
    /// on the window's bit masks (<see cref="CharMasks"/>), not on what was written. A window with a lone surrogate is
    /// left to the scalar path, which writes up to it and reports it.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool TryEscapeMixed<TWidth>(ReadOnlySpan<char> source, Span<byte> destination, int i, int pos, out int bytesWritten, out int invalidIndex)
        where TWidth : struct, IVectorWidth
    {
        ref var src = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(source));
        ref var dst = ref MemoryMarshal.GetReference(destination);
        var length = source.Length;

        // The last chars: the narrowed chars [anchor, anchor + 16) and their masks, read once.
        Vector128<byte> tailChars = default;
        var tailMasks = default(CharMasks);
        var anchor = -1;
        if (length < 16)
        {
            ReadShort(ref src, length, out tailChars, out var head, out var tail, out var place);
            tailMasks = CharMasks.Of(head, tail).PlaceTail(place);
            anchor = 0;
        }

        var scratchBuffer = default(ScratchBuffer);
        ref var scratch = ref Unsafe.As<ScratchBuffer, byte>(ref scratchBuffer);
        while (i < length)
        {
            Vector128<byte> chars;
            CharMasks masks;
            var rest = length - i;
            var shift = 0;
            if (rest >= 16)
            {
                var low = Vector128.LoadUnsafe(ref src, (nuint)i);
                var high = Vector128.LoadUnsafe(ref src, (nuint)(i + 8));
                chars = Narrow(low, high);
                masks = CharMasks.Of(low, high);
                rest = 16;
            }
            else
            {
                if (anchor < 0)
                {
                    anchor = length - 16;
                    var low = Vector128.LoadUnsafe(ref src, (nuint)anchor);
                    var high = Vector128.LoadUnsafe(ref src, (nuint)(anchor + 8));
                    tailChars = Narrow(low, high);
                    tailMasks = CharMasks.Of(low, high);
                }

                shift = i - anchor;
                chars = tailChars;
                masks = tailMasks.ShiftedDown(shift);
            }

            var window = Shuffle(chars, ShiftDown(shift));
            if (masks.NonAscii == 0)
            {
                pos = EscapeBlock<TWidth>(window, ref dst, pos, rest, groups: 4);
                i += rest;
                continue;
            }

            // Every low surrogate follows a high one and every high one is followed by a low one, the last one
            // perhaps by the first char after the window; else the scalar path finds and reports the lone one.
            var inWindow = (1u << rest) - 1;
            var highLast = (masks.HighSurrogates >> (rest - 1)) & 1;
            if (masks.LowSurrogates != ((masks.HighSurrogates << 1) & inWindow)
                || (highLast != 0 && (i + rest == length || !char.IsLowSurrogate((char)Unsafe.Add(ref src, i + rest)))))
            {
                break;
            }

            // The window escaped once into the scratch buffer (chars above 0x7F as 3-byte placeholders); then its
            // runs of ASCII chars copied out of it, and the code points between them written one by one.
            EscapeBlock<TWidth>(window, ref scratch, 0, 16, groups: 4, out var escapes);
            var start = 0;
            var pending = masks.NonAscii;
            do
            {
                var at = System.Numerics.BitOperations.TrailingZeroCount(pending);
                pos = CopyRun(ref scratch, escapes, start, at, ref dst, pos);
                var pair = (int)(masks.HighSurrogates >> at) & 1;
                uint c = Unsafe.Add(ref src, i + at);
                var codePoint = pair != 0
                    ? (c << 10) + Unsafe.Add(ref src, i + at + 1) - ((0xD800u << 10) + 0xDC00u - 0x10000u)
                    : c;
                pos = WriteCodePoint(codePoint, ref dst, pos);
                start = at + 1 + pair;
                pending &= ~((2u << (at + pair)) - 1);
            }
            while (pending != 0);

            // The ASCII chars after the last code point (none when a pair ends past the window).
            pos = CopyRun(ref scratch, escapes, Math.Min(start, rest), rest, ref dst, pos);
            i += Math.Max(rest, start);
        }

        // The scratch buffer held escaped text.
        scratchBuffer = default;
        if (i < length)
        {
            // A lone surrogate in the window at i: the scalar path writes up to it and reports it.
            var scalarPos = pos;
            var end = EscapeScalar(source, i, length, ref dst, ref scalarPos);
            bytesWritten = scalarPos;
            invalidIndex = end < 0 ? ~end : -1;
            return end >= 0;
        }

        bytesWritten = pos;
        invalidIndex = -1;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> ShiftDown(int count) =>
        Vector128.LoadUnsafe(ref MemoryMarshal.GetReference(ShiftShuffles), (nuint)count);

    /// <summary>
    /// Copies the output of chars [<paramref name="from"/>, <paramref name="to"/>) of a window escaped into
    /// <paramref name="scratch"/> (whose escape bits are <paramref name="escapes"/>) to <paramref name="pos"/>, as 48
    /// bytes; returns the position after them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int CopyRun(ref byte scratch, uint escapes, int from, int to, ref byte dst, int pos)
    {
        var start = from + (2 * System.Numerics.BitOperations.PopCount(escapes & ((1u << from) - 1)));
        var end = to + (2 * System.Numerics.BitOperations.PopCount(escapes & ((1u << to) - 1)));
        ref var run = ref Unsafe.Add(ref scratch, start);
        var a = Vector128.LoadUnsafe(ref run);
        var b = Vector128.LoadUnsafe(ref run, 16);
        var c = Vector128.LoadUnsafe(ref run, 32);
        a.StoreUnsafe(ref dst, (nuint)pos);
        b.StoreUnsafe(ref dst, (nuint)(pos + 16));
        c.StoreUnsafe(ref dst, (nuint)(pos + 32));
        return pos + end - start;
    }

    /// <summary>Room for a window of 16 escaped chars (48 bytes, up to 64 stored) and a 48-byte copy from any char of it.</summary>
    [InlineArray(6)]
    private struct ScratchBuffer
    {
        private Vector128<byte> _element;
    }

    /// <summary>
    /// Reads a text of 1 to 15 chars as a window: head and tail loads that overlap, the tail shifted up to its place
    /// (where they overlap they hold the same chars), zeros past the text.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ReadShort(ref ushort src, int length, out Vector128<byte> chars, out Vector128<ushort> head, out Vector128<ushort> tail, out int shift)
    {
        if (length >= 8)
        {
            head = Vector128.LoadUnsafe(ref src);
            tail = Vector128.LoadUnsafe(ref src, (nuint)(length - 8));
            shift = length - 8;
        }
        else if (length >= 4)
        {
            head = Vector128.CreateScalar(Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<ushort, byte>(ref src))).AsUInt16();
            tail = Vector128.CreateScalar(Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<ushort, byte>(ref Unsafe.Add(ref src, length - 4)))).AsUInt16();
            shift = length - 4;
        }
        else
        {
            // 1 to 3 chars: the first two and the last two (the same ones for 2, overlapping for 3), or the one;
            // zeros after them.
            ulong text = length == 1
                ? src
                : Unsafe.ReadUnaligned<uint>(ref Unsafe.As<ushort, byte>(ref src))
                    | ((ulong)Unsafe.ReadUnaligned<uint>(ref Unsafe.As<ushort, byte>(ref Unsafe.Add(ref src, length - 2))) << (16 * (length - 2)));
            head = Vector128.CreateScalar(text).AsUInt16();
            tail = Vector128<ushort>.Zero;
            shift = 4;
        }

        // Both halves in one narrowing, head in bytes 0-7 and tail in bytes 8-15; one shuffle keeps the head's first
        // 'shift' bytes and puts the tail after them (bit masks of head and tail are put together the same way,
        // with CharMasks.PlaceTail).
        chars = Shuffle(Narrow(head, tail), Vector128.LoadUnsafe(ref MemoryMarshal.GetReference(PlaceTailShuffles), (nuint)(16 * shift)));
    }

    /// <summary>
    /// Writes the code point (above 0x7F) as 2 to 4 <c>%XX</c> with one 16-byte store; returns the position after them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int WriteCodePoint(uint codePoint, ref byte dst, int pos)
    {
        var count = 2 + (codePoint >= 0x800 ? 1 : 0) + (codePoint >= 0x10000 ? 1 : 0);

        // The 6-bit groups of the code point, first in the lowest byte of a 4-byte UTF-8 sequence; a shorter
        // sequence drops the leading (zero) groups. Then the lead byte's and the continuation bytes' markers.
        var groups = (codePoint & 0x3F) | ((codePoint << 2) & 0x3F00) | ((codePoint << 4) & 0x3F_0000) | ((codePoint << 6) & 0x0700_0000);
        var shift = 8 * (4 - count);
        var utf8 = (System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(groups) >> shift)
            | ((0x8080_8080u >> shift) & 0xFFFF_FF00u)
            | ((0xFF00u >> count) & 0xFFu);

        // %XX for each byte: the hex pairs interleaved, then '%' put before each pair.
        var bytes = Vector128.CreateScalar(utf8).AsByte();
        var hexDigits = HexDigits();
        var nibbleMask = Vector128.Create((byte)0x0F);
        var hexPairs = ZipLow(
            Shuffle(hexDigits, Vector128.ShiftRightLogical(bytes.AsUInt16(), 4).AsByte() & nibbleMask),
            Shuffle(hexDigits, bytes & nibbleMask));
        var escaped = Shuffle(hexPairs, Vector128.Create((byte)0x80, 0, 1, 0x80, 2, 3, 0x80, 4, 5, 0x80, 6, 7, 0x80, 0x80, 0x80, 0x80))
            | Vector128.Create((byte)'%', 0, 0, (byte)'%', 0, 0, (byte)'%', 0, 0, (byte)'%', 0, 0, 0, 0, 0, 0);
        escaped.StoreUnsafe(ref dst, (nuint)pos);
        return pos + (3 * count);
    }

    /// <summary>Bits of 16 chars, the first in bit 0: above 0x7F, high surrogates, low surrogates.</summary>
    private readonly record struct CharMasks(uint NonAscii, uint HighSurrogates, uint LowSurrogates)
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static CharMasks Of(Vector128<ushort> low, Vector128<ushort> high)
        {
            var surrogateMask = Vector128.Create((ushort)0xFC00);
            var lowMasked = low & surrogateMask;
            var highMasked = high & surrogateMask;
            return new CharMasks(
                NonAsciiBits(low, high),
                Bits(Vector128.Equals(lowMasked, Vector128.Create((ushort)0xD800)), Vector128.Equals(highMasked, Vector128.Create((ushort)0xD800))),
                Bits(Vector128.Equals(lowMasked, Vector128.Create((ushort)0xDC00)), Vector128.Equals(highMasked, Vector128.Create((ushort)0xDC00))));
        }

        /// <summary>The masks of the window that starts <paramref name="count"/> chars later.</summary>
        public CharMasks ShiftedDown(int count) => new(NonAscii >> count, HighSurrogates >> count, LowSurrogates >> count);

        /// <summary>For a head in bits 0-7 and a tail in bits 8-15: the tail moved to start at bit <paramref name="shift"/>.</summary>
        public CharMasks PlaceTail(int shift) => new(Place(NonAscii, shift), Place(HighSurrogates, shift), Place(LowSurrogates, shift));

        private static uint Place(uint bits, int shift) => (bits & 0xFF) | ((bits >> 8) << shift);
    }

    /// <summary>One bit per char (16 chars, <paramref name="low"/> first): set for a char above 0x7F.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint NonAsciiBits(Vector128<ushort> low, Vector128<ushort> high)
    {
        var mask = Vector128.Create((ushort)0xFF80);
        return ~Bits(Vector128.Equals(low & mask, Vector128<ushort>.Zero), Vector128.Equals(high & mask, Vector128<ushort>.Zero)) & 0xFFFF;
    }

    /// <summary>One bit per 16-bit lane of two comparison results (all ones or all zeros), <paramref name="low"/> first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Bits(Vector128<ushort> low, Vector128<ushort> high)
    {
        var bytes = Sse2.IsSupported
            ? Sse2.PackSignedSaturate(low.AsInt16(), high.AsInt16()).AsByte() // 0xFFFF is -1: stays 0xFF
            : Vector128.Narrow(low, high);
        return bytes.ExtractMostSignificantBits();
    }

    /// <summary>
    /// One byte per char, in order: the char itself when it is ASCII; some other byte, the same for the same char,
    /// when it is not (0xFF or 0x00 on x86, its low byte on Arm64).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> Narrow(Vector128<ushort> low, Vector128<ushort> high) =>
        Sse2.IsSupported
            ? Sse2.PackUnsignedSaturate(low.AsInt16(), high.AsInt16())
            : Vector128.Narrow(low, high);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> HexDigits() => Vector128.Create(
        (byte)'0', (byte)'1', (byte)'2', (byte)'3', (byte)'4', (byte)'5', (byte)'6', (byte)'7',
        (byte)'8', (byte)'9', (byte)'A', (byte)'B', (byte)'C', (byte)'D', (byte)'E', (byte)'F');

    /// <summary>
    /// Escapes the first <c>4 * <paramref name="groups"/></c> bytes of <paramref name="chars"/> at
    /// <paramref name="pos"/>, 4 chars per 16-byte store, and returns the position after the first
    /// <paramref name="count"/> (0 to 16) of them: the output of the others is left past it, to be overwritten.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int EscapeBlock<TWidth>(Vector128<byte> chars, ref byte dst, int pos, int count, int groups)
        where TWidth : struct, IVectorWidth =>
        EscapeBlock<TWidth>(chars, ref dst, pos, count, groups, out _);

    /// <inheritdoc cref="EscapeBlock{TWidth}(Vector128{byte}, ref byte, int, int, int)"/>
    /// <param name="chars">Up to 16 ASCII chars, one per byte.</param>
    /// <param name="dst">The start of the destination.</param>
    /// <param name="pos">Where in the destination this block's output starts.</param>
    /// <param name="count">How many of the chars (0 to 16) belong to the text.</param>
    /// <param name="groups">How many groups of 4 chars to escape.</param>
    /// <param name="escapes">One bit per byte of <paramref name="chars"/>: set for one written as <c>%XX</c>.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int EscapeBlock<TWidth>(Vector128<byte> chars, ref byte dst, int pos, int count, int groups, out uint escapes)
        where TWidth : struct, IVectorWidth
    {
        var nibbleMask = Vector128.Create((byte)0x0F);
        var lowNibbles = chars & nibbleMask;
        var highNibbles = Vector128.ShiftRightLogical(chars.AsUInt16(), 4).AsByte() & nibbleMask;

        // Bare (A-Z a-z 0-9 - _ .) when the bit of the high nibble is set in the entry of the low nibble; a byte
        // above 0x7F has no bit, so it is escaped.
        var bareByLowNibble = Vector128.Create(
            (byte)0xA8, 0xF8, 0xF8, 0xF8, 0xF8, 0xF8, 0xF8, 0xF8, 0xF8, 0xF8, 0xF0, 0x50, 0x50, 0x54, 0x54, 0x70);
        var bitOfHighNibble = Vector128.Create(
            (byte)0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00);
        var bare = Shuffle(bareByLowNibble, lowNibbles) & Shuffle(bitOfHighNibble, highNibbles);
        var space = Vector128.Equals(chars, Vector128.Create((byte)' '));
        var escaped = Vector128.AndNot(Vector128.Equals(bare, Vector128<byte>.Zero), space);
        var mask = escaped.ExtractMostSignificantBits();
        escapes = mask;

        // The 4 candidate bytes of each char: [c, or '+' for a space; '%'; hex of the high nibble; of the low one].
        var first = chars + (space & Vector128.Create((byte)('+' - ' ')));
        var hexDigits = HexDigits();
        var hexHigh = Shuffle(hexDigits, highNibbles);
        var hexLow = Shuffle(hexDigits, lowNibbles);
        var end = pos + count + (2 * System.Numerics.BitOperations.PopCount(mask & ((1u << count) - 1)));
        if (groups == 4 && TWidth.UseVector512)
        {
            // All 16 chars at once: their 64 candidate bytes interleaved with one permute, then compressed by a
            // mask that keeps byte 0 of a bare char and bytes 1-3 of an escaped one; one 64-byte store.
            var interleave = Vector512.LoadUnsafe(ref MemoryMarshal.GetReference(InterleaveFour));
            var candidates = Avx512Vbmi.PermuteVar64x8(
                Vector512.Create(Vector256.Create(first, Vector128.Create((byte)'%')), Vector256.Create(hexHigh, hexLow)), interleave);
            var keep = Avx512Vbmi.PermuteVar64x8(
                Vector512.Create(Vector256.Create(~escaped, escaped), Vector256.Create(escaped, escaped)), interleave);
            Avx512Vbmi2.Compress(Vector512<byte>.Zero, keep, candidates).StoreUnsafe(ref dst, (nuint)pos);
            return end;
        }

        var firstPercent = ZipLow(first, Vector128.Create((byte)'%'));
        var hexPair = ZipLow(hexHigh, hexLow);
        ref var shuffles = ref MemoryMarshal.GetReference(CompactShuffles);
        pos = StoreGroup(ZipLow(firstPercent.AsUInt16(), hexPair.AsUInt16()).AsByte(), mask, ref shuffles, ref dst, pos);
        if (groups == 1)
        {
            return end;
        }

        pos = StoreGroup(ZipHigh(firstPercent.AsUInt16(), hexPair.AsUInt16()).AsByte(), mask >> 4, ref shuffles, ref dst, pos);
        if (groups == 2)
        {
            return end;
        }

        firstPercent = ZipHigh(first, Vector128.Create((byte)'%'));
        hexPair = ZipHigh(hexHigh, hexLow);
        pos = StoreGroup(ZipLow(firstPercent.AsUInt16(), hexPair.AsUInt16()).AsByte(), mask >> 8, ref shuffles, ref dst, pos);
        StoreGroup(ZipHigh(firstPercent.AsUInt16(), hexPair.AsUInt16()).AsByte(), mask >> 12, ref shuffles, ref dst, pos);
        return end;
    }

    /// <summary>Compacts the candidates of 4 chars by their escape bits (the low 4 of <paramref name="mask"/>) and stores them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int StoreGroup(Vector128<byte> candidates, uint mask, ref byte shuffles, ref byte dst, int pos)
    {
        mask &= 0xF;
        var control = Vector128.LoadUnsafe(ref shuffles, mask * 16);
        Shuffle(candidates, control).StoreUnsafe(ref dst, (nuint)pos);
        return pos + 4 + (2 * System.Numerics.BitOperations.PopCount(mask));
    }

    /// <summary>pshufb / tbl: <c>table[index]</c>, or 0 where the index is 0x80 or more.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> Shuffle(Vector128<byte> table, Vector128<byte> indices) =>
        Ssse3.IsSupported ? Ssse3.Shuffle(table, indices)
        : AdvSimd.Arm64.IsSupported ? AdvSimd.Arm64.VectorTableLookup(table, indices)
        : Vector128.Shuffle(table, indices);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> ZipLow(Vector128<byte> left, Vector128<byte> right) =>
        Sse2.IsSupported ? Sse2.UnpackLow(left, right)
        : AdvSimd.Arm64.IsSupported ? AdvSimd.Arm64.ZipLow(left, right)
        : throw new PlatformNotSupportedException();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> ZipHigh(Vector128<byte> left, Vector128<byte> right) =>
        Sse2.IsSupported ? Sse2.UnpackHigh(left, right)
        : AdvSimd.Arm64.IsSupported ? AdvSimd.Arm64.ZipHigh(left, right)
        : throw new PlatformNotSupportedException();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<ushort> ZipLow(Vector128<ushort> left, Vector128<ushort> right) =>
        Sse2.IsSupported ? Sse2.UnpackLow(left, right)
        : AdvSimd.Arm64.IsSupported ? AdvSimd.Arm64.ZipLow(left, right)
        : throw new PlatformNotSupportedException();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<ushort> ZipHigh(Vector128<ushort> left, Vector128<ushort> right) =>
        Sse2.IsSupported ? Sse2.UnpackHigh(left, right)
        : AdvSimd.Arm64.IsSupported ? AdvSimd.Arm64.ZipHigh(left, right)
        : throw new PlatformNotSupportedException();

    /// <summary>
    /// Escapes chars from <paramref name="start"/> while the index is below <paramref name="end"/> (a surrogate pair
    /// that starts before <paramref name="end"/> is taken whole). Returns the index reached, or the complement of the
    /// index of a lone surrogate.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int EscapeScalar(ReadOnlySpan<char> source, int start, int end, ref byte dst, ref int position)
    {
        ref var table = ref MemoryMarshal.GetArrayDataReference(AsciiTable);
        var pos = position;
        var i = start;
        while (i < end)
        {
            int c = source[i];
            if (c < 0x80)
            {
                pos += WriteEntry(ref dst, pos, Unsafe.Add(ref table, c));
                i++;
                continue;
            }

            if (c < 0x800)
            {
                WritePercent(ref dst, ref pos, 0xC0 | (c >> 6));
                WritePercent(ref dst, ref pos, 0x80 | (c & 0x3F));
                i++;
                continue;
            }

            if (!char.IsSurrogate((char)c))
            {
                WritePercent(ref dst, ref pos, 0xE0 | (c >> 12));
                WritePercent(ref dst, ref pos, 0x80 | ((c >> 6) & 0x3F));
                WritePercent(ref dst, ref pos, 0x80 | (c & 0x3F));
                i++;
                continue;
            }

            if (!char.IsHighSurrogate((char)c) || i + 1 == source.Length || !char.IsLowSurrogate(source[i + 1]))
            {
                position = pos;
                return ~i;
            }

            var scalar = char.ConvertToUtf32((char)c, source[i + 1]);
            WritePercent(ref dst, ref pos, 0xF0 | (scalar >> 18));
            WritePercent(ref dst, ref pos, 0x80 | ((scalar >> 12) & 0x3F));
            WritePercent(ref dst, ref pos, 0x80 | ((scalar >> 6) & 0x3F));
            WritePercent(ref dst, ref pos, 0x80 | (scalar & 0x3F));
            i += 2;
        }

        position = pos;
        return i;
    }

    /// <summary>Writes one table entry (1 or 3 bytes) and returns its length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int WriteEntry(ref byte dst, int pos, uint entry)
    {
        if (BitConverter.IsLittleEndian)
        {
            // One store of all four bytes; the length byte lands past the output and is overwritten next.
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref dst, pos), entry);
        }
        else
        {
            Unsafe.Add(ref dst, pos) = (byte)entry;
            Unsafe.Add(ref dst, pos + 1) = (byte)(entry >> 8);
            Unsafe.Add(ref dst, pos + 2) = (byte)(entry >> 16);
        }

        return (int)(entry >> 24);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WritePercent(ref byte dst, ref int pos, int value)
    {
        Unsafe.Add(ref dst, pos) = (byte)'%';
        Unsafe.Add(ref dst, pos + 1) = Hex[value >> 4];
        Unsafe.Add(ref dst, pos + 2) = Hex[value & 0xF];
        pos += 3;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowDestinationTooSmall(string parameter) =>
        throw new ArgumentException("The destination must hold 9 bytes per source char, plus 64.", parameter);

    private static uint[] BuildAsciiTable()
    {
        var table = new uint[128];
        for (var c = 0; c < 128; c++)
        {
            if (IsUnreserved((char)c))
            {
                table[c] = (1u << 24) | (uint)c;
            }
            else if (c == ' ')
            {
                table[c] = (1u << 24) | '+';
            }
            else
            {
                table[c] = (3u << 24) | ((uint)Hex[c & 0xF] << 16) | ((uint)Hex[c >> 4] << 8) | '%';
            }
        }

        return table;
    }

    /// <summary>Which blocks the vector path uses; a type argument, so that the choice costs nothing at run time.</summary>
    internal interface IVectorWidth
    {
        /// <summary>Whether blocks of 16 chars are compressed in one 512-bit register (AVX-512 VBMI2).</summary>
        static abstract bool UseVector512 { get; }
    }

    /// <summary>The widest blocks this machine has.</summary>
    internal readonly struct BestWidth : IVectorWidth
    {
        public static bool UseVector512 => Avx512Vbmi2.IsSupported && Avx512Vbmi.IsSupported;
    }

    /// <summary>Blocks of 128-bit shuffles only (SSSE3, AdvSimd).</summary>
    internal readonly struct Vector128Only : IVectorWidth
    {
        public static bool UseVector512 => false;
    }
}
