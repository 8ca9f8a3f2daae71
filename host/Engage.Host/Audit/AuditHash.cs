using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Engage.Host.Audit;

/// <summary>
/// The hash of an audit row: hex SHA-256 over a length-prefixed encoding of the previous row's hash and the row's
/// fields, so no two different rows encode alike (a 4-byte big-endian length before each field's UTF-8 bytes,
/// -1 for a missing field).
/// </summary>
internal static class AuditHash
{
    /// <summary>The previous hash of the first row of the chain.</summary>
    public static readonly string Genesis = new('0', 64);

    public static string Compute(string previousHash, string at, string actor, string action, string? entitySet, string? entityId, string? details)
    {
        using var buffer = new MemoryStream();
        Span<byte> length = stackalloc byte[4];
        foreach (var field in new[] { previousHash, at, actor, action, entitySet, entityId, details })
        {
            if (field is null)
            {
                BinaryPrimitives.WriteInt32BigEndian(length, -1);
                buffer.Write(length);
                continue;
            }

            var bytes = Encoding.UTF8.GetBytes(field);
            BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
            buffer.Write(length);
            buffer.Write(bytes);
        }

        return Convert.ToHexString(SHA256.HashData(buffer.ToArray()));
    }
}
