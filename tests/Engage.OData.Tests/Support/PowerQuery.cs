namespace Engage.OData.Tests.Support;

/// <summary>The headers Power Query (Excel, Power BI) sends with OData.Feed.</summary>
internal static class PowerQuery
{
    public const string Accept =
        "application/json;odata.metadata=minimal;q=1.0,application/json;odata=minimalmetadata;q=0.9,application/atomsvc+xml;q=0.8,application/atom+xml;q=0.8,application/xml;q=0.7,text/plain;q=0.7";

    public static readonly (string Name, string Value)[] Headers =
    [
        ("User-Agent", "Microsoft.Data.Mashup (https://go.microsoft.com/fwlink/?LinkID=304225)"),
        ("Accept", Accept),
        ("OData-MaxVersion", "4.0"),
        ("MaxDataServiceVersion", "3.0"),
    ];
}
