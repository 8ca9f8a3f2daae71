using Engage.Host.Tests.Infrastructure;

namespace Engage.Host.Tests.Http.PowerQuery;

/// <summary>
/// The demo host with a small server page size, so that Power Query's requests (which never send
/// <c>Prefer: odata.maxpagesize</c>) are paged by the server as a large table would be.
/// </summary>
public sealed class PowerQueryDemoFixture() : DemoFixture(Create())
{
    public const int PageSize = 50;

    private static EngageAppFactory Create()
    {
        var factory = new EngageAppFactory();
        factory.Settings["Engage:OData:PageSize"] = PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return factory;
    }
}
