namespace Engage.OData.Json;

/// <summary>The <c>odata.metadata</c> format parameter.</summary>
internal enum MetadataLevel
{
    Minimal,
    None,
    Full,
}
