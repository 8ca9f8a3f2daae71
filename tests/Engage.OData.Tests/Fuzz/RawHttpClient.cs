using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Engage.OData.Tests.Fuzz;

/// <summary>
/// Sends a request line exactly as given (no escaping, no validation: invalid percent-encoding, control
/// characters and raw UTF-8 reach the server as bytes) over a fresh connection and reads the answer to the end.
/// </summary>
internal static class RawHttpClient
{
    public static async Task<RawHttpResponse> GetAsync(Uri server, string target, IReadOnlyList<(string Name, string Value)> headers, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port, cancellationToken);
        var stream = client.GetStream();
        var request = new StringBuilder("GET ").Append(target).Append(" HTTP/1.1\r\nHost: ").Append(server.Authority).Append("\r\nConnection: close\r\n");
        foreach (var (name, value) in headers)
        {
            request.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        await stream.WriteAsync(Encoding.UTF8.GetBytes(request.Append("\r\n").ToString()), cancellationToken);
        using var received = new MemoryStream();
        await stream.CopyToAsync(received, cancellationToken);
        return Parse(received.ToArray());
    }

    private static RawHttpResponse Parse(byte[] bytes)
    {
        var headerEnd = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
        if (headerEnd < 0)
        {
            throw new IOException($"The connection closed without a complete response ({bytes.Length} bytes).");
        }

        var lines = Encoding.Latin1.GetString(bytes, 0, headerEnd).Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
        var headers = new Dictionary<string, string>();
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon].Trim().ToLowerInvariant()] = line[(colon + 1)..].Trim();
        }

        var body = bytes.AsSpan(headerEnd + 4);
        var text = headers.TryGetValue("transfer-encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase)
            ? Dechunk(body)
            : Encoding.UTF8.GetString(body);
        return new RawHttpResponse(status, headers, text);
    }

    private static string Dechunk(ReadOnlySpan<byte> body)
    {
        var output = new MemoryStream();
        while (true)
        {
            var lineEnd = body.IndexOf("\r\n"u8);
            if (lineEnd < 0)
            {
                throw new IOException("A chunked body ended before its last chunk.");
            }

            var size = int.Parse(Encoding.ASCII.GetString(body[..lineEnd]).Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (size == 0)
            {
                return Encoding.UTF8.GetString(output.ToArray());
            }

            output.Write(body.Slice(lineEnd + 2, size));
            body = body[(lineEnd + 2 + size + 2)..];
        }
    }
}
