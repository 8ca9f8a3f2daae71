namespace Engage.Host.Tests.Http;

/// <summary>The test classes that share one demo host (the capability and Power Query rule tests).</summary>
[CollectionDefinition(Name)]
public sealed class DemoCollection : ICollectionFixture<DemoFixture>
{
    public const string Name = "Demo host";
}
