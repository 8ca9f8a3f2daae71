using Engage.Host.Security;
using Engage.Host.Tests.Infrastructure;

namespace Engage.Host.Tests.Security;

/// <summary>A key authenticates as a principal with its role and workspaces; a role or list this build cannot read grants nothing.</summary>
public sealed class PrincipalTests
{
    [Theory]
    [InlineData("Admin", null, "all workspaces")]
    [InlineData("Admin", "2", "workspaces 2")]
    [InlineData("Editor", "1,3", "workspaces 1,3")]
    [InlineData("Approver", "4", "workspaces 4")]
    [InlineData("Analyst", "1", "workspaces 1")]
    public async Task Authenticate_StoredRoleAndWorkspaces_AreThePrincipals(string role, string? workspaces, string described)
    {
        using var db = await TestDatabase.CreateAsync();
        var secret = await InsertAsync(db, role, workspaces);

        var principal = await new ApiKeyStore(db.Database, TimeProvider.System).AuthenticateAsync(secret, CancellationToken.None);

        principal.Should().NotBeNull();
        principal!.Role.ToString().Should().Be(role);
        principal.Workspaces.ToString().Should().Be(described);
        principal.Name.Should().Be("tester");
    }

    [Theory]
    [InlineData("Superuser", "1")]
    [InlineData("admin", null)]
    [InlineData("1", "1")]
    [InlineData("Editor", null)]
    [InlineData("Analyst", "1;2")]
    public async Task Authenticate_UnreadableRoleOrWorkspaces_IsRefused(string role, string? workspaces)
    {
        using var db = await TestDatabase.CreateAsync();
        var secret = await InsertAsync(db, role, workspaces);

        var principal = await new ApiKeyStore(db.Database, TimeProvider.System).AuthenticateAsync(secret, CancellationToken.None);

        principal.Should().BeNull("a key whose role or workspaces cannot be read must not fall back to any access");
    }

    [Fact]
    public void WorkspaceSet_ContainsOnlyItsIds_OrEverything()
    {
        WorkspaceSet.Parse("1, 3")!.Contains(3).Should().BeTrue();
        WorkspaceSet.Parse("1, 3")!.Contains(2).Should().BeFalse();
        WorkspaceSet.Parse(null)!.Contains(42).Should().BeTrue();
        WorkspaceSet.Parse("")!.Ids.Should().BeEmpty();
    }

    private static async Task<string> InsertAsync(TestDatabase db, string role, string? workspaces)
    {
        await using var connection = await db.Database.OpenAsync(CancellationToken.None);
        var key = await ApiKeyStore.InsertAsync(connection, null, "tester", role, workspaces, null, DateTimeOffset.UtcNow, CancellationToken.None);
        return key.Secret;
    }
}
