using System.Globalization;
using System.Text;
using FocusBot.Domain;

namespace FocusBot.Storage.AzureTables;

/// <summary>
/// PartitionKey/RowKey rules. Keys may not hold / \ # ? or control characters, so user-derived parts (ids, names) are
/// encoded reversibly: each such character, and '|' (our part separator), '%' and '!' (the escape itself), becomes
/// "!XXXX" (UTF-16 code in hex). The encoding works character by character, so the encoding of a prefix is a prefix of
/// the encoding: range scans by prefix still work.
/// </summary>
internal static class TableKeys
{
    public const char Separator = '|';

    /// <summary>The character right after <see cref="Separator"/>: "p|" to "p}" spans every key that starts with "p|".</summary>
    public const char SeparatorEnd = '}';

    private const char EscapeChar = '!';
    private const int MaxKeyBytes = 1024;

    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!NeedsEscape(value))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 16);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (MustEscape(value, i))
            {
                builder.Append(EscapeChar).Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    public static string Decode(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!key.Contains(EscapeChar, StringComparison.Ordinal))
        {
            return key;
        }

        var builder = new StringBuilder(key.Length);
        for (var i = 0; i < key.Length; i++)
        {
            if (key[i] == EscapeChar && i + 4 < key.Length && int.TryParse(key.AsSpan(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                builder.Append((char)code);
                i += 4;
            }
            else
            {
                builder.Append(key[i]);
            }
        }

        return builder.ToString();
    }

    /// <summary>Joins parts that are encoded here, so the result is unambiguous.</summary>
    public static string Compose(params ReadOnlySpan<string> parts)
    {
        var builder = new StringBuilder();
        foreach (var part in parts)
        {
            if (builder.Length > 0)
            {
                builder.Append(Separator);
            }

            builder.Append(Encode(part));
        }

        return builder.ToString();
    }

    /// <summary>The encoded parts of a composed key.</summary>
    public static string[] Split(string key)
    {
        var parts = key.Split(Separator);
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = Decode(parts[i]);
        }

        return parts;
    }

    /// <summary>Rejects a key the service would refuse, before sending it.</summary>
    public static void Validate(string key, string name)
    {
        ArgumentNullException.ThrowIfNull(key, name);
        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            if (c is '/' or '\\' or '#' or '?' || char.IsControl(c))
            {
                throw new ArgumentException($"The {name} contains the character U+{(int)c:X4}, which Azure Tables does not allow in keys.", name);
            }
        }

        if (Encoding.UTF8.GetByteCount(key) > MaxKeyBytes)
        {
            throw new ArgumentException($"The {name} is longer than Azure Tables' 1 KiB limit.", name);
        }
    }

    /// <summary>
    /// A stable bucket ("00".."NN") for spreading one logical partition over several, so no partition takes more than
    /// its share of a burst.
    /// </summary>
    public static string Bucket(string value, int buckets) =>
        (StableHash.Of(value) % (uint)buckets).ToString("D2", CultureInfo.InvariantCulture);

    /// <summary>Fixed-width ticks counted back from the end of time: newer sorts first in a key.</summary>
    public static string NewestFirst(DateTimeOffset time) =>
        (DateTimeOffset.MaxValue.UtcTicks - time.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);

    private static bool NeedsEscape(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (MustEscape(value, i))
            {
                return true;
            }
        }

        return false;
    }

    private static bool MustEscape(string value, int index)
    {
        var c = value[index];
        if (c is '/' or '\\' or '#' or '?' or Separator or '%' or EscapeChar || char.IsControl(c))
        {
            return true;
        }

        // A lone surrogate cannot be sent as UTF-8; a proper pair (emoji etc.) is kept as it is.
        if (char.IsHighSurrogate(c))
        {
            return index + 1 >= value.Length || !char.IsLowSurrogate(value[index + 1]);
        }

        return char.IsLowSurrogate(c) && (index == 0 || !char.IsHighSurrogate(value[index - 1]));
    }
}
