using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Engage.OData.Errors;

namespace Engage.OData.Paging;

/// <summary>
/// The opaque <c>$skiptoken</c>: base64url of a version byte, the next offset and a check value bound
/// to the query's shape (entity set, <c>$filter</c>, <c>$orderby</c>). A token that was altered, or
/// reused with another query, is refused with 400. The later keyset work replaces the offset with the
/// last row's sort-key values under the same envelope.
/// </summary>
internal static class SkipToken
{
    private const byte Version = 1;
    private const int Length = 1 + 8 + 8;

    public static string Encode(long offset, string shape)
    {
        Span<byte> token = stackalloc byte[Length];
        token[0] = Version;
        BinaryPrimitives.WriteInt64BigEndian(token[1..9], offset);
        Check(token[..9], shape).CopyTo(token[9..]);
        return Convert.ToBase64String(token).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static long Decode(string token, string shape)
    {
        Span<byte> bytes = stackalloc byte[Length];
        if (token.Length != 23 || !TryFromBase64Url(token, bytes) || bytes[0] != Version)
        {
            throw Invalid();
        }

        var offset = BinaryPrimitives.ReadInt64BigEndian(bytes[1..9]);
        if (offset < 0 || !CryptographicOperations.FixedTimeEquals(Check(bytes[..9], shape), bytes[9..]))
        {
            throw Invalid();
        }

        return offset;
    }

    private static byte[] Check(ReadOnlySpan<byte> header, string shape)
    {
        var input = new byte[header.Length + Encoding.UTF8.GetByteCount(shape)];
        header.CopyTo(input);
        Encoding.UTF8.GetBytes(shape, input.AsSpan(header.Length));
        return SHA256.HashData(input).AsSpan(0, 8).ToArray();
    }

    private static bool TryFromBase64Url(string token, Span<byte> destination)
    {
        var base64 = token.Replace('-', '+').Replace('_', '/') + "=";
        return Convert.TryFromBase64String(base64, destination, out var written) && written == Length;
    }

    private static ODataRequestException Invalid() =>
        ODataRequestException.BadRequest("The $skiptoken is invalid; follow the @odata.nextLink exactly as the service returned it.");
}
