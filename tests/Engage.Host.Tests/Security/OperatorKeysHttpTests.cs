using System.Net.Http.Headers;
using System.Net;
using Engage.Host.Operator;
using Engage.Host.Tests.Infrastructure;

namespace Engage.Host.Tests.Security;

/// <summary>A key made with <c>keys create</c> works over HTTP against the running host, and stops at <c>keys revoke</c>.</summary>
public sealed class OperatorKeysHttpTests
{
    [Fact]
    public async Task CreatedKey_Authenticates_RevokedKey_Answers401()
    {
        await using var factory = new EngageAppFactory();
        using var admin = factory.CreateAuthenticatedClient();
        (await admin.GetAsync("/odata/Workspaces")).StatusCode.Should().Be(HttpStatusCode.OK);

        var created = await RunAsync(factory, "keys", "create", "--name", "reporting", "--role", "Admin");
        created.ExitCode.Should().Be(0, created.Error);
        var secret = OperatorKeysTests.KeyPattern().Match(created.Output).Value;
        var id = created.Output.Split(' ')[3];
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);

        var before = await client.GetAsync("/odata/Workspaces");
        var revoked = await RunAsync(factory, "keys", "revoke", id);
        var after = await client.GetAsync("/odata/Workspaces");

        before.StatusCode.Should().Be(HttpStatusCode.OK);
        revoked.ExitCode.Should().Be(0, revoked.Error);
        after.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await admin.GetAsync("/odata/Workspaces")).StatusCode.Should().Be(HttpStatusCode.OK, "revoking one key leaves the others");
        var list = await RunAsync(factory, "keys", "list");
        list.Output.Should().Contain("reporting").And.Contain("Admin").And.NotContain(secret);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(EngageAppFactory factory, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await OperatorCommands.RunAsync([.. args, "--contentRoot", factory.ContentRoot, $"--Engage:DataPath={factory.DataPath}"], output, error, TimeProvider.System, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }
}
