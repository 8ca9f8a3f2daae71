using System.Buffers;
using System.Text.Json;

namespace Engage.Benchmarks;

/// <summary>
/// Reads an OData feed from a stream with <see cref="Utf8JsonReader"/>, counting rows and picking up
/// <c>@odata.nextLink</c>, without building a DOM: the client's own cost stays small and constant.
/// </summary>
internal static class FeedStreamReader
{
    private static readonly byte[] NextLinkName = "@odata.nextLink"u8.ToArray();

    public static async Task<FeedPage> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        var scan = new ScanState();
        var filled = 0;
        try
        {
            while (true)
            {
                if (filled == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, filled).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken);
                filled += read;
                var final = read == 0;
                var consumed = Scan(buffer.AsSpan(0, filled), final, scan);
                buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                filled -= consumed;
                if (final)
                {
                    return new FeedPage(scan.Rows, scan.NextLink);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static int Scan(ReadOnlySpan<byte> data, bool final, ScanState scan)
    {
        var reader = new Utf8JsonReader(data, final, scan.Reader);
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject when reader.CurrentDepth == 2:
                    scan.Rows++;
                    break;
                case JsonTokenType.PropertyName when reader.CurrentDepth == 1:
                    scan.ExpectNextLink = reader.ValueTextEquals(NextLinkName);
                    break;
                case JsonTokenType.String when scan.ExpectNextLink:
                    scan.NextLink = reader.GetString();
                    scan.ExpectNextLink = false;
                    break;
                default:
                    break;
            }
        }

        scan.Reader = reader.CurrentState;
        return (int)reader.BytesConsumed;
    }

    private sealed class ScanState
    {
        public JsonReaderState Reader { get; set; }

        public long Rows { get; set; }

        public string? NextLink { get; set; }

        public bool ExpectNextLink { get; set; }
    }
}
