using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Engage.OData.Errors;

namespace Engage.OData.Paging;

/// <summary>
/// The opaque <c>$skiptoken</c>: base64url of a version byte, the position of the next page and an 8-byte check
/// (SHA-256) over those bytes and the query's shape (entity set or navigation path, <c>$filter</c>, <c>$orderby</c>,
/// <c>$search</c>, <c>$compute</c>: <see cref="NextLinkBuilder.Shape"/>). Two versions:
/// <list type="bullet">
/// <item>1, offset: the number of rows before the next page. Used when the order is not made of plain columns
/// (an expression, a function, a <c>$compute</c> alias, a navigation path) and by <c>$apply</c>.</item>
/// <item>2, keyset: the last written row's values of the ORDER BY columns (the key is always the last one, so the
/// order is total), each tagged null, integer, double or text as the dialect stores it, plus the offset, which
/// serves only as a fallback. The next page seeks past those values, so page 1,000 costs what page 1 costs and rows
/// inserted or deleted meanwhile neither shift nor repeat the others.</item>
/// </list>
/// A token that was altered, is longer than <see cref="MaxLength"/>, or is reused with another query answers 400.
/// The check is not a secret: a forged token only moves where the page starts, because the row scope and
/// <c>$filter</c> are ANDed into the statement whatever the token says.
/// </summary>
internal static class SkipToken
{
    /// <summary>The longest token accepted (characters); a keyset token that would be longer falls back to an offset.</summary>
    public const int MaxLength = 2048;

    private const byte OffsetVersion = 1;
    private const byte KeysetVersion = 2;
    private const int CheckLength = 8;
    private const int MaxValues = 64;

    /// <summary>An offset token (version 1).</summary>
    public static string Encode(long offset, string shape)
    {
        var token = new byte[1 + 8 + CheckLength];
        token[0] = OffsetVersion;
        BinaryPrimitives.WriteInt64BigEndian(token.AsSpan(1, 8), offset);
        return Seal(token, shape);
    }

    /// <summary>Reads an offset token; a keyset token, or one of another query, answers 400.</summary>
    public static long Decode(string token, string shape)
    {
        var position = DecodePosition(token, shape, keysetTypes: null);
        return position.Keyset is null ? position.Offset : throw Invalid();
    }

    /// <summary>
    /// A keyset token (version 2) for the last row's sort values (<see langword="null"/>, <see cref="long"/>,
    /// <see cref="double"/> or <see cref="string"/>); the offset token of <paramref name="offset"/> when it would be
    /// longer than <see cref="MaxLength"/> (very long text in a sort column) or the order has more than 64 columns.
    /// </summary>
    public static string EncodeKeyset(long offset, IReadOnlyList<object?> values, string shape)
    {
        if (values.Count is 0 or > MaxValues)
        {
            return Encode(offset, shape);
        }

        using var buffer = new MemoryStream();
        buffer.WriteByte(KeysetVersion);
        Span<byte> number = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(number, offset);
        buffer.Write(number);
        buffer.WriteByte((byte)values.Count);
        foreach (var value in values)
        {
            if (!KeysetValueCodec.TryWrite(buffer, value, MaxLength))
            {
                return Encode(offset, shape);
            }
        }

        buffer.Write(new byte[CheckLength]);
        var token = Seal(buffer.ToArray(), shape);
        return token.Length <= MaxLength ? token : Encode(offset, shape);
    }

    /// <summary>
    /// Reads either version. <paramref name="keysetTypes"/> are the stored types of the query's ORDER BY columns
    /// when it can page by keyset (null when it cannot): a keyset token must carry exactly those, each value of
    /// its column's type or null.
    /// </summary>
    public static SkipTokenPosition DecodePosition(string token, string shape, IReadOnlyList<Type>? keysetTypes)
    {
        if (token.Length is 0 or > MaxLength || !TryFromBase64Url(token, out var bytes) || bytes.Length < 1 + 8 + CheckLength)
        {
            throw Invalid();
        }

        var body = bytes.AsSpan(0, bytes.Length - CheckLength);
        if (!CryptographicOperations.FixedTimeEquals(Check(body, shape), bytes.AsSpan(body.Length)))
        {
            throw Invalid();
        }

        var offset = BinaryPrimitives.ReadInt64BigEndian(body[1..9]);
        if (offset < 0)
        {
            throw Invalid();
        }

        switch (body[0])
        {
            case OffsetVersion when body.Length == 9:
                return new SkipTokenPosition(offset, null);
            case KeysetVersion when keysetTypes is not null && body.Length > 10 && body[9] == keysetTypes.Count:
                var values = new object?[keysetTypes.Count];
                ReadOnlySpan<byte> reader = body[10..];
                for (var i = 0; i < values.Length; i++)
                {
                    if (!KeysetValueCodec.TryRead(ref reader, keysetTypes[i], out values[i]))
                    {
                        throw Invalid();
                    }
                }

                return reader.IsEmpty ? new SkipTokenPosition(offset, values) : throw Invalid();
            default:
                throw Invalid();
        }
    }

    private static string Seal(byte[] token, string shape)
    {
        var body = token.AsSpan(0, token.Length - CheckLength);
        Check(body, shape).CopyTo(token.AsSpan(body.Length));
        return Convert.ToBase64String(token).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private static byte[] Check(ReadOnlySpan<byte> body, string shape)
    {
        var input = new byte[body.Length + Encoding.UTF8.GetByteCount(shape)];
        body.CopyTo(input);
        Encoding.UTF8.GetBytes(shape, input.AsSpan(body.Length));
        return SHA256.HashData(input).AsSpan(0, CheckLength).ToArray();
    }

    private static bool TryFromBase64Url(string token, out byte[] bytes)
    {
        bytes = [];
        if (token.Length % 4 == 1)
        {
            return false;
        }

        var base64 = token.Replace('-', '+').Replace('_', '/');
        base64 += new string('=', (4 - (base64.Length % 4)) % 4);
        var buffer = new byte[base64.Length / 4 * 3];
        if (!Convert.TryFromBase64String(base64, buffer, out var written))
        {
            return false;
        }

        bytes = buffer[..written];
        return true;
    }

    private static ODataRequestException Invalid() =>
        ODataRequestException.BadRequest("The $skiptoken is invalid; follow the @odata.nextLink exactly as the service returned it.");
}
