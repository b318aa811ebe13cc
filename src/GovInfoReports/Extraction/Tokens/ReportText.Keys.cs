using System;
using System.Numerics;
using System.Runtime.InteropServices;

namespace GovInfoReports.Extraction;

// The per-thread tables that make keying a word cheap: printed word → key, and the interned keys themselves.
public static partial class ReportText
{
    /// <summary>
    /// A per-thread memo of printed word → key (open addressing), so a word printed as before (the labels, headers
    /// and headings of these reports repeat from file to file) is keyed by one lookup instead of being normalised
    /// again. Bounded like <see cref="KeyTable"/>: it starts over when half full.
    /// </summary>
    private sealed class WordKeys
    {
        public const int MaxWordLength = 48;
        private const int Capacity = 8192;

        [ThreadStatic]
        private static WordKeys? t_memo;

        // One entry per slot (hash, word, key): a probe reads one cache line, and a word of another hash is passed by
        // without reading its text.
        private readonly Entry[] _entries = new Entry[Capacity];
        private int _count;

        private struct Entry
        {
            public string? Word;
            public TextKey? Key;
            public int Hash;
        }

        public static TextKey Get(ReadOnlySpan<char> word)
        {
            var memo = t_memo ??= new WordKeys();
            var entries = memo._entries;
            int mask = Capacity - 1;
            int hash = KeyTable.Hash(word);
            int index = hash & mask;
            while (entries[index].Word is { } existing)
            {
                if (entries[index].Hash == hash && word.SequenceEqual(existing.AsSpan()))
                    return entries[index].Key!;
                index = (index + 1) & mask;
            }

            var key = NewWordKey(word);
            if (memo._count >= Capacity / 2)
            {
                Array.Clear(entries, 0, entries.Length);
                memo._count = 0;
                index = hash & mask;
            }

            entries[index] = new Entry { Word = word.ToString(), Key = key, Hash = hash };
            memo._count++;
            return key;
        }
    }

    /// <summary>
    /// A per-thread set of key strings, looked up by their characters (open addressing). It holds at most
    /// <see cref="Capacity"/>/2 keys and starts over when full, so a thread reading many unusual texts keeps
    /// a bounded table.
    /// </summary>
    private sealed class KeyTable
    {
        private const int Capacity = 8192;

        [ThreadStatic]
        private static KeyTable? t_table;

        private readonly TextKey?[] _slots = new TextKey?[Capacity];
        private readonly TextKey _empty = new("");
        private int _count;

        public static TextKey Intern(ReadOnlySpan<char> key)
        {
            var table = t_table ??= new KeyTable();
            if (key.Length == 0)
                return table._empty;
            if (key.Length > 64)
                return new TextKey(key.ToString());
            var slots = table._slots;
            int mask = Capacity - 1;
            int index = Hash(key) & mask;
            while (slots[index] is { } existing)
            {
                if (key.SequenceEqual(existing.Text.AsSpan()))
                    return existing;
                index = (index + 1) & mask;
            }

            if (table._count >= Capacity / 2)
            {
                Array.Clear(slots, 0, slots.Length);
                table._count = 0;
                index = Hash(key) & mask;
            }

            var text = new TextKey(key.ToString());
            slots[index] = text;
            table._count++;
            return text;
        }

        public static int Hash(ReadOnlySpan<char> key)
        {
            // Four characters per step (keys are short: a few ideographs), then a final mix of the bits.
            const ulong Multiplier = 0x9E3779B97F4A7C15;
            ulong hash = (ulong)key.Length * Multiplier;
            var chunks = MemoryMarshal.Cast<char, ulong>(key);
            foreach (ulong chunk in chunks)
                hash = BitOperations.RotateLeft((hash ^ chunk) * Multiplier, 29);
            for (int i = chunks.Length * 4; i < key.Length; i++)
                hash = BitOperations.RotateLeft((hash ^ key[i]) * Multiplier, 29);
            hash ^= hash >> 31;
            hash *= 0xBF58476D1CE4E5B9;
            hash ^= hash >> 32;
            return (int)hash;
        }
    }
}
