using System.Collections.Concurrent;

namespace Engage.Host.Tests.Security.Secrets;

/// <summary>
/// Keeps every HTTP exchange a test client makes: a label (method, path without the query, which may hold a secret the test
/// sent, and a sequence number) and the response's status, headers and body.
/// </summary>
internal sealed class RecordingHandler : DelegatingHandler
{
    private readonly ConcurrentQueue<(string Request, string Response)> _exchanges = new();

    public IReadOnlyCollection<(string Request, string Response)> Exchanges => _exchanges;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var headers = string.Join("\n", response.Headers.Concat(response.Content.Headers)
            .Select(h => $"{h.Key}: {string.Join(", ", h.Value)}"));
        _exchanges.Enqueue(($"{request.Method} {request.RequestUri?.AbsolutePath} #{_exchanges.Count + 1}", $"{(int)response.StatusCode}\n{headers}\n\n{body}"));
        return response;
    }
}
