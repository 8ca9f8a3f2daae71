using System.Net;

namespace Engage.Benchmarks;

/// <summary>The engine answered something other than 200.</summary>
internal sealed class EngineAnswerException(HttpStatusCode status, string body)
    : Exception($"The engine answered {(int)status}: {body}")
{
    public HttpStatusCode Status { get; } = status;
}
