using System.Text.Json;

namespace Engage.OData.Json;

/// <summary>Pre-encoded control-information names.</summary>
internal static class ODataJsonNames
{
    public static readonly JsonEncodedText Context = JsonEncodedText.Encode("@odata.context");
    public static readonly JsonEncodedText Count = JsonEncodedText.Encode("@odata.count");
    public static readonly JsonEncodedText NextLink = JsonEncodedText.Encode("@odata.nextLink");
    public static readonly JsonEncodedText Id = JsonEncodedText.Encode("@odata.id");
    public static readonly JsonEncodedText ETag = JsonEncodedText.Encode("@odata.etag");
    public static readonly JsonEncodedText Type = JsonEncodedText.Encode("@odata.type");
    public static readonly JsonEncodedText Value = JsonEncodedText.Encode("value");
}
