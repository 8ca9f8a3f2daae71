using System.Text.Json;

namespace Engage.Host.Tests.Security;

/// <summary>
/// Brute force against API keys through the real pipeline: the root appsettings.json's <c>Engage:Security:FailedAuth</c>
/// (10 failures per 60 s, first lockout 60 s) unless a test sets otherwise; the limiter's clock is moved by hand.
/// </summary>
public sealed class FailedAuthLockoutTests
{
    private const string Attacker = "203.0.113.9";

    [Fact]
    public async Task WrongKeys_TenFromOneAddress_TenthAnswers429WithRetryAfterAndAnODataError()
    {
        using var host = new LockoutHost();

        for (var i = 0; i < 9; i++)
        {
            (await host.BearerAsync(Attacker, LockoutHost.WrongKey(i))).Status.Should().Be(401);
        }

        var tenth = await host.BearerAsync(Attacker, LockoutHost.WrongKey(9));
        tenth.Status.Should().Be(429);
        tenth.RetryAfter.Should().Be("60");
        var error = JsonDocument.Parse(tenth.Body).RootElement.GetProperty("error");
        error.GetProperty("code").GetString().Should().Be("TooManyRequests");
        error.GetProperty("message").GetString().Should().Contain(host.Clock.GetUtcNow().AddSeconds(60).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture))
            .And.Contain("60 s");

        host.Clock.Advance(TimeSpan.FromSeconds(20));
        var later = await host.BearerAsync(Attacker, LockoutHost.WrongKey(10));
        later.Status.Should().Be(429);
        later.RetryAfter.Should().Be("40");
    }

    [Fact]
    public async Task CorrectKey_FromALockedOutAddress_Is429UntilTheLockoutEnds_ThenWorks()
    {
        using var host = new LockoutHost();
        await FailAsync(host, Attacker, 10);

        (await host.BearerAsync(Attacker, host.AdminKey)).Status.Should().Be(429, "a locked-out address cannot test keys");
        host.Clock.Advance(TimeSpan.FromSeconds(59));
        var almost = await host.BearerAsync(Attacker, host.AdminKey);
        almost.Status.Should().Be(429);
        almost.RetryAfter.Should().Be("1");
        (await host.BearerAsync(Attacker, null, "/health")).Status.Should().Be(200, "the health endpoint stays open");

        host.Clock.Advance(TimeSpan.FromSeconds(1));
        (await host.BearerAsync(Attacker, host.AdminKey)).Status.Should().Be(200);
    }

    [Fact]
    public async Task OtherAddresses_WhileOneIsLockedOut_AreServed_SameIPv6Slash64IsNot()
    {
        using var host = new LockoutHost();
        await FailAsync(host, "2001:db8:aa:1::1", 10);

        (await host.BearerAsync("2001:db8:aa:1:ffff::2", host.AdminKey)).Status.Should().Be(429, "the whole /64 is one address");
        (await host.BearerAsync("2001:db8:aa:2::1", host.AdminKey)).Status.Should().Be(200);
        (await host.BearerAsync("198.51.100.4", host.AdminKey)).Status.Should().Be(200);
        (await host.BearerAsync("198.51.100.4", LockoutHost.WrongKey(1))).Status.Should().Be(401);
    }

    [Fact]
    public async Task RepeatedLockouts_GrowAndStopAtTheConfiguredCap()
    {
        using var host = new LockoutHost(
            ("Engage:Security:FailedAuth:MaxFailures", "3"),
            ("Engage:Security:FailedAuth:LockoutSeconds", "30"),
            ("Engage:Security:FailedAuth:MaxLockoutSeconds", "100"));
        var retryAfters = new List<string>();

        for (var round = 0; round < 4; round++)
        {
            (await host.BearerAsync(Attacker, LockoutHost.WrongKey(1))).Status.Should().Be(401);
            (await host.BearerAsync(Attacker, LockoutHost.WrongKey(2))).Status.Should().Be(401);
            var third = await host.BearerAsync(Attacker, LockoutHost.WrongKey(3));
            third.Status.Should().Be(429);
            retryAfters.Add(third.RetryAfter);
            host.Clock.Advance(TimeSpan.FromSeconds(int.Parse(third.RetryAfter, System.Globalization.CultureInfo.InvariantCulture)));
        }

        retryAfters.Should().Equal("30", "60", "100", "100");
    }

    [Fact]
    public async Task Lockout_IsLoggedOncePerLockoutWithAddressAndCount_NeverWithTheKey()
    {
        using var host = new LockoutHost();
        var key = host.AdminKey;
        var nearMiss = key + "x";

        for (var i = 0; i < 10; i++)
        {
            await host.SendAsync(Attacker, "/odata/Posts?api_key=" + Uri.EscapeDataString(nearMiss), null);
        }

        for (var i = 0; i < 5; i++)
        {
            (await host.BearerAsync(Attacker, key)).Status.Should().Be(429);
            (await host.BearerAsync(Attacker, nearMiss)).Status.Should().Be(429);
        }

        host.Logs.Where(l => l.Contains("Locked out", StringComparison.Ordinal)).Should().ContainSingle()
            .Which.Should().Contain(Attacker).And.Contain("after 10 failed authentications");

        host.Clock.Advance(TimeSpan.FromSeconds(60));
        await FailAsync(host, Attacker, 10);
        host.Logs.Where(l => l.Contains("Locked out", StringComparison.Ordinal)).Should().HaveCount(2)
            .And.Contain(l => l.Contains("for 120 s", StringComparison.Ordinal));
        host.Logs.Should().NotContain(l => l.Contains(key, StringComparison.Ordinal), "no log line may carry a presented key");
    }

    [Fact]
    public async Task PowerQueryBasicCredential_WrongPasswords_CountTheSame()
    {
        using var host = new LockoutHost();

        for (var i = 0; i < 9; i++)
        {
            (await host.BasicAsync(Attacker, LockoutHost.WrongKey(i))).Status.Should().Be(401);
        }

        (await host.BasicAsync(Attacker, LockoutHost.WrongKey(9))).Status.Should().Be(429);
        (await host.BasicAsync(Attacker, host.AdminKey)).Status.Should().Be(429);
    }

    [Fact]
    public async Task AnonymousRequests_AsExcelSendsBeforeItPrompts_AreNotCountedAsFailures()
    {
        using var host = new LockoutHost();

        for (var i = 0; i < 30; i++)
        {
            (await host.BearerAsync(Attacker, null)).Status.Should().Be(401);
        }

        (await host.BasicAsync(Attacker, host.AdminKey)).Status.Should().Be(200);
    }

    [Fact]
    public async Task Success_BeforeTheLimit_ClearsTheCount()
    {
        using var host = new LockoutHost();
        await FailAsync(host, Attacker, 9);

        (await host.BearerAsync(Attacker, host.AdminKey)).Status.Should().Be(200);

        for (var i = 0; i < 9; i++)
        {
            (await host.BearerAsync(Attacker, LockoutHost.WrongKey(i))).Status.Should().Be(401);
        }
    }

    private static async Task FailAsync(LockoutHost host, string address, int times)
    {
        for (var i = 0; i < times; i++)
        {
            await host.BearerAsync(address, LockoutHost.WrongKey(i));
        }
    }
}
