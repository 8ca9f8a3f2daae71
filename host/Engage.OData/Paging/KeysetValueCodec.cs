using System.Buffers.Binary;
using System.Text;

namespace Engage.OData.Paging;

/// <summary>
/// The values inside a keyset <c>$skiptoken</c>: a tag byte (0 null, 1 integer, 2 double, 3 text) and the value
/// (8 bytes big-endian, or a 2-byte length and UTF-8). Reading checks each value against the stored type of its
/// ORDER BY column, so a value is always bound with the type its column is compared in.
/// </summary>
internal static class KeysetValueCodec
{
    private const byte NullTag = 0;
    private const byte IntegerTag = 1;
    private const byte DoubleTag = 2;
    private const byte TextTag = 3;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Appends one value; false when it is text longer than <paramref name="maxBytes"/> bytes.</summary>
    public static bool TryWrite(Stream output, object? value, int maxBytes)
    {
        Span<byte> number = stackalloc byte[8];
        switch (value)
        {
            case null:
                output.WriteByte(NullTag);
                return true;
            case long integer:
                output.WriteByte(IntegerTag);
                BinaryPrimitives.WriteInt64BigEndian(number, integer);
                output.Write(number);
                return true;
            case double real:
                output.WriteByte(DoubleTag);
                BinaryPrimitives.WriteDoubleBigEndian(number, real);
                output.Write(number);
                return true;
            case string text:
                var bytes = Encoding.UTF8.GetBytes(text);
                if (bytes.Length > Math.Min(maxBytes, ushort.MaxValue))
                {
                    return false;
                }

                output.WriteByte(TextTag);
                BinaryPrimitives.WriteUInt16BigEndian(number, (ushort)bytes.Length);
                output.Write(number[..2]);
                output.Write(bytes);
                return true;
            default:
                throw new ArgumentException($"A keyset token cannot carry a {value.GetType().Name}.", nameof(value));
        }
    }

    /// <summary>Reads one value of <paramref name="expected"/> type (or null) and moves past it; false when malformed.</summary>
    public static bool TryRead(ref ReadOnlySpan<byte> input, Type expected, out object? value)
    {
        value = null;
        if (input.IsEmpty)
        {
            return false;
        }

        var tag = input[0];
        input = input[1..];
        switch (tag)
        {
            case NullTag:
                return true;
            case IntegerTag when expected == typeof(long) && input.Length >= 8:
                value = BinaryPrimitives.ReadInt64BigEndian(input);
                input = input[8..];
                return true;
            case DoubleTag when expected == typeof(double) && input.Length >= 8:
                var real = BinaryPrimitives.ReadDoubleBigEndian(input);
                input = input[8..];
                value = real;
                return !double.IsNaN(real);
            case TextTag when expected == typeof(string) && input.Length >= 2:
                var length = BinaryPrimitives.ReadUInt16BigEndian(input);
                input = input[2..];
                if (input.Length < length)
                {
                    return false;
                }

                try
                {
                    value = StrictUtf8.GetString(input[..length]);
                }
                catch (DecoderFallbackException)
                {
                    return false;
                }

                input = input[length..];
                return true;
            default:
                return false;
        }
    }
}
