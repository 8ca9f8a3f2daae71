namespace Engage.Host.Tests.Security.Isolation;

/// <summary>The test classes that share one two-workspace host (<see cref="IsolationFixture"/>).</summary>
[CollectionDefinition(Name)]
public sealed class IsolationCollection : ICollectionFixture<IsolationFixture>
{
    public const string Name = "Two isolated workspaces";
}
