namespace Engage.OData.Tests.Fuzz;

/// <summary>A response read off the socket: status, headers (names lower-cased) and the de-chunked body.</summary>
internal sealed record RawHttpResponse(int Status, IReadOnlyDictionary<string, string> Headers, string Body);
