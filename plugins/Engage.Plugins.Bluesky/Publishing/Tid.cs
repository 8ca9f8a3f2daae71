using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Engage.Plugins.Bluesky.Publishing;

/// <summary>
/// Record keys in the AT Protocol's TID syntax (13 characters of base32-sortable <c>234567abcdefghijklmnopqrstuvwxyz</c>
/// over a 64-bit number whose top bit is 0: 53 bits of microseconds since 1970, 10 bits of clock id), derived
/// deterministically from the host's idempotency key: the same key always gives the same record key, so a repeated create
/// finds the record of the first one instead of making another. The time part is taken from the key's SHA-256, inside
/// 2023–2033, so keys look like ordinary TIDs; they do not tell when the post was made (its <c>createdAt</c> does).
/// </summary>
internal static class Tid
{
    private const string Alphabet = "234567abcdefghijklmnopqrstuvwxyz";
    private static readonly long From = DateTimeOffset.Parse("2023-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds() * 1000;
    private const long Span = 10L * 365 * 24 * 3600 * 1_000_000;

    public static string FromKey(string idempotencyKey)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("engage.bluesky.rkey\n" + idempotencyKey));
        var micros = From + (long)(BinaryPrimitives.ReadUInt64BigEndian(hash) % Span);
        var clock = BinaryPrimitives.ReadUInt16BigEndian(hash.AsSpan(8)) & 0x3FF;
        return Encode((micros << 10) | (uint)clock);
    }

    /// <summary>True when <paramref name="value"/> has the TID syntax.</summary>
    public static bool IsValid(string value) =>
        value.Length == 13 && value.All(Alphabet.Contains) && "234567abcdefghij".Contains(value[0], StringComparison.Ordinal);

    private static string Encode(long value)
    {
        var chars = new char[13];
        for (var i = 12; i >= 0; i--)
        {
            chars[i] = Alphabet[(int)(value & 31)];
            value >>= 5;
        }

        return new string(chars);
    }
}
