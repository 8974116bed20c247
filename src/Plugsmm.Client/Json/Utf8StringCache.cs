using System.Numerics;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Plugsmm.Client;

/// <summary>
/// Strings for values an answer repeats (a catalogue's types and categories: a handful of types and a few hundred
/// categories over thousands of services), keyed by the raw UTF-8 bytes of the JSON string, escapes and all: the
/// same bytes always decode to the same text, so a hit is the very string a miss would have made. Bounded: at most
/// <see cref="MaxEntries"/> values of at most <see cref="MaxValueBytes"/> bytes each, a few probes per lookup
/// (so crafted collisions cost a few comparisons, never a scan); past that, values are decoded as usual.
/// One instance per answer: not thread-safe, except a frozen one, which never changes.
/// </summary>
internal sealed class Utf8StringCache
{
    /// <summary>Values longer than this (in raw bytes) are not cached.</summary>
    public const int MaxValueBytes = 128;

    private const int MaxProbes = 8;

    private readonly Entry[] _entries;
    private readonly int _mask;
    private readonly bool _frozen;

    /// <param name="maxEntries">The most values kept; the table has twice as many slots, rounded up to a power of two.</param>
    public Utf8StringCache(int maxEntries)
        : this(maxEntries, frozen: false)
    {
    }

    private Utf8StringCache(int maxEntries, bool frozen)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxEntries);
        MaxEntries = maxEntries;
        _entries = new Entry[BitOperations.RoundUpToPowerOf2((uint)maxEntries * 2)];
        _mask = _entries.Length - 1;
        _frozen = frozen;
    }

    /// <summary>The most values this cache keeps.</summary>
    public int MaxEntries { get; }

    /// <summary>The values it keeps now.</summary>
    public int Count { get; private set; }

    /// <summary>A read-only cache of the given words (as JSON writes them without escapes), safe to share between threads.</summary>
    public static Utf8StringCache Frozen(IReadOnlyList<string> words)
    {
        var cache = new Utf8StringCache(words.Count, frozen: true);
        foreach (var word in words)
        {
            var utf8 = System.Text.Encoding.UTF8.GetBytes(word);
            if (!cache.TryAdd(utf8, word))
            {
                throw new ArgumentException($"'{word}' cannot be cached.", nameof(words));
            }
        }

        return cache;
    }

    /// <summary>
    /// The text of the string token <paramref name="reader"/> is on: the cached string for these bytes, else
    /// <see cref="Utf8JsonReader.GetString"/> (which throws for text it cannot decode, as always), kept when there is room.
    /// </summary>
    public string GetString(ref Utf8JsonReader reader)
    {
        var raw = reader.ValueSpan;
        if (raw.Length > MaxValueBytes)
        {
            return reader.GetString()!;
        }

        var hash = Hash(raw);
        if (Find(raw, hash, out var slot) is { } cached)
        {
            return cached;
        }

        var text = reader.GetString()!;
        if (slot >= 0 && !_frozen && Count < MaxEntries)
        {
            _entries[slot] = new Entry(hash, raw.ToArray(), text);
            Count++;
        }

        return text;
    }

    /// <summary>The cached string for exactly these raw bytes, or null.</summary>
    public string? Find(ReadOnlySpan<byte> raw) => raw.Length > MaxValueBytes ? null : Find(raw, Hash(raw), out _);

    private bool TryAdd(byte[] raw, string text)
    {
        var hash = Hash(raw);
        if (raw.Length > MaxValueBytes || Find(raw, hash, out var slot) is not null || slot < 0)
        {
            return false;
        }

        _entries[slot] = new Entry(hash, raw, text);
        Count++;
        return true;
    }

    /// <summary>Looks the bytes up; on a miss, <paramref name="emptySlot"/> is where they would go, or -1 when the probes ran out.</summary>
    private string? Find(ReadOnlySpan<byte> raw, int hash, out int emptySlot)
    {
        var entries = _entries;
        var slot = hash & _mask;
        for (var probe = 0; probe < MaxProbes; probe++)
        {
            ref var entry = ref entries[slot];
            if (entry.Text is null)
            {
                emptySlot = slot;
                return null;
            }

            if (entry.Hash == hash && entry.Raw.AsSpan().SequenceEqual(raw))
            {
                emptySlot = -1;
                return entry.Text;
            }

            slot = (slot + 1) & _mask;
        }

        emptySlot = -1;
        return null;
    }

    /// <summary>A quick multiplicative hash of every byte, 8 at a time.</summary>
    private static int Hash(ReadOnlySpan<byte> raw)
    {
        var hash = (ulong)raw.Length * 0x9E3779B97F4A7C15UL;
        while (raw.Length >= 8)
        {
            hash = (BitOperations.RotateLeft(hash, 5) ^ MemoryMarshal.Read<ulong>(raw)) * 0x517CC1B727220A95UL;
            raw = raw[8..];
        }

        if (!raw.IsEmpty)
        {
            ulong tail = 0;
            for (var i = 0; i < raw.Length; i++)
            {
                tail |= (ulong)raw[i] << (8 * i);
            }

            hash = (BitOperations.RotateLeft(hash, 5) ^ tail) * 0x517CC1B727220A95UL;
        }

        return (int)(hash >> 32) ^ (int)hash;
    }

    /// <summary>A slot: empty while <see cref="Text"/> is null.</summary>
    private readonly struct Entry(int hash, byte[] raw, string text)
    {
        public readonly int Hash = hash;
        public readonly byte[] Raw = raw;
        public readonly string? Text = text;
    }
}
