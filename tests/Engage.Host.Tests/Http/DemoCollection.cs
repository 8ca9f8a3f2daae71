using Engage.Host.Tests.Http.PowerQuery;

namespace Engage.Host.Tests.Http;

/// <summary>
/// The test classes that share one demo host (the capability annotations and the Power Query rules), with the server
/// page size of <see cref="PowerQueryDemoFixture"/>.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DemoCollection : ICollectionFixture<PowerQueryDemoFixture>
{
    public const string Name = "Demo host";
}
