namespace Engage.OData.Json;

/// <summary>The negotiated JSON format of a response, and its Content-Type.</summary>
internal sealed record ODataJsonFormat(MetadataLevel Level, bool Ieee754Compatible)
{
    public static ODataJsonFormat Default { get; } = new(MetadataLevel.Minimal, false);

    public string ContentType => $"application/json;odata.metadata={Level.ToString().ToLowerInvariant()};odata.streaming=true;IEEE754Compatible={(Ieee754Compatible ? "true" : "false")};charset=utf-8";
}
