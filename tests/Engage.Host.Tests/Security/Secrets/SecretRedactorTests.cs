using Engage.Host.Plugins;
using Engage.Host.Plugins.Invocation;
using Engage.Host.Security.Secrets;
using Engage.Host.Tests.Infrastructure;
using Engage.Sdk.Failures;
using Microsoft.Extensions.Logging;

namespace Engage.Host.Tests.Security.Secrets;

/// <summary>The redactor that masks a connection's secrets in what a plugin hands back: text, exceptions, log lines, invoker failures.</summary>
public sealed class SecretRedactorTests
{
    private const string Token = "tok-6f1c2a9e44b04d";

    [Fact]
    public void Redact_TextWithTheSecretTwice_MasksBothAndKeepsTheRest()
    {
        var redactor = SecretRedactor.For([Token]);

        redactor.Redact($"401 for token {Token} (sent {Token})").Should().Be("401 for token *** (sent ***)");
    }

    [Fact]
    public void Redact_SecretWithQuotesAndSpaces_MasksItsJsonEscapedAndUrlEncodedForms()
    {
        const string secret = "p\"a/ss w+rd\\x";
        var redactor = SecretRedactor.For([secret]);

        var text = $"raw={secret} json={{\"password\":\"p\\\"a/ss w+rd\\\\x\"}} url=https://h/?p={Uri.EscapeDataString(secret)}";

        redactor.Redact(text).Should().Be("raw=*** json={\"password\":\"***\"} url=https://h/?p=***");
    }

    [Fact]
    public void Redact_SecretThatContainsAnother_MasksTheLongerWhole()
    {
        var redactor = SecretRedactor.For(["abcd", "abcd-efgh-ijkl"]);

        redactor.Redact("x abcd-efgh-ijkl y abcd").Should().Be("x *** y ***");
    }

    [Fact]
    public void None_KnowsNoSecret_ReturnsTheSameTextAndIgnoresAdd()
    {
        const string text = "nothing secret here";
        SecretRedactor.None.Add(Token);

        SecretRedactor.None.IsEmpty.Should().BeTrue();
        ReferenceEquals(SecretRedactor.None.Redact(text), text).Should().BeTrue("a connection without secrets pays nothing");
        SecretRedactor.For([null, "", "  "]).IsEmpty.Should().BeTrue("blank values are no secrets");
    }

    [Fact]
    public void Add_RefreshedTokenDuringARun_IsMaskedFromThenOn()
    {
        var redactor = SecretRedactor.For([Token]);
        const string refreshed = "tok-refreshed-99c1";

        redactor.Redact(refreshed).Should().Be(refreshed);
        redactor.Add(refreshed);

        redactor.Redact($"{Token} then {refreshed}").Should().Be("*** then ***");
    }

    [Fact]
    public void RedactException_SecretInAnInnerException_GivesAStandInWithoutItThatKeepsTypeAndStack()
    {
        var redactor = SecretRedactor.For([Token]);
        var original = Thrown(() => throw new InvalidOperationException("outer", new ArgumentException($"bad token {Token}")));
        var clean = Thrown(() => throw new InvalidOperationException("nothing secret"));

        var redacted = redactor.Redact(original)!;

        redacted.Should().BeOfType<RedactedException>();
        redacted.ToString().Should().NotContain(Token).And.Contain("bad token ***").And.Contain(nameof(Thrown), "the stack trace stays");
        ((RedactedException)redacted).OriginalType.Should().Be<InvalidOperationException>();
        redactor.Redact(clean).Should().BeSameAs(clean, "an exception without a secret is logged as it is");
    }

    [Fact]
    public void RedactingLogger_PluginLogsItsTokenInMessageScopeAndException_TheLogHoldsOnlyTheMask()
    {
        var lines = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(lines));
        var logger = RedactingLogger.Wrap(factory.CreateLogger("Engage.Plugins.fixture"), SecretRedactor.For([Token]));

        using (logger.BeginScope("scope {Token}", Token))
        {
            logger.LogTrace("connecting with {Token}", Token);
            logger.LogError(new InvalidOperationException($"refused {Token}"), "failed for {Token}", Token);
        }

        lines.Lines.Should().HaveCount(2);
        lines.Lines.Should().NotContain(l => l.Contains(Token));
        lines.Lines.Should().Contain(l => l.Contains("connecting with ***")).And.Contain(l => l.Contains("failed for ***") && l.Contains("refused ***"));
        RedactingLogger.Wrap(factory.CreateLogger("x"), SecretRedactor.None).Should().NotBeOfType<RedactingLogger>("no wrapper without secrets");
    }

    [Fact]
    public async Task PluginInvoker_WithRedactor_PluginFailuresCarryingTheSecretAreMaskedInReasonInnerAndLog()
    {
        using var folder = new TempFolder();
        var plugin = new LoadedPlugin("fixture.redact", folder.Path) { Version = "1.0.0", DisplayName = "x", SdkRange = "[1.0,2.0)" };
        plugin.SetStatus(PluginStatus.Loaded, null);
        var lines = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(lines));
        var invoker = new PluginInvoker(new PluginInvokerOptions { QuarantineAfterFaults = 100 }, factory.CreateLogger<PluginInvoker>());
        var redactor = SecretRedactor.For([Token]);
        Exception[] thrown =
        [
            new PluginException($"the network refused {Token}", PluginFailureKind.CredentialsInvalid),
            new HttpRequestException($"GET https://h/?access_token={Token} failed"),
            new InvalidOperationException($"crashed holding {Token}", new FormatException(Token)),
        ];

        var failures = new List<PluginCallException>();
        foreach (var exception in thrown)
        {
            failures.Add((await FluentActions.Awaiting(() => invoker.InvokeAsync<int>(plugin, "connect", _ => throw exception, CancellationToken.None, redactor: redactor))
                .Should().ThrowAsync<PluginCallException>()).Which);
        }

        failures.Select(f => f.Reason).Should().Equal("the network refused ***", "network error: GET https://h/?access_token=*** failed", "InvalidOperationException: crashed holding ***");
        failures.Should().OnlyContain(f => !f.ToString().Contains(Token) && !f.Message.Contains(Token));
        failures[0].Kind.Should().Be(PluginFailureKind.CredentialsInvalid, "the classification is kept");
        lines.Lines.Should().HaveCountGreaterThanOrEqualTo(3).And.NotContain(l => l.Contains(Token));
    }

    private static Exception Thrown(Action action)
    {
        try
        {
            action();
        }
        catch (Exception e)
        {
            return e;
        }

        throw new InvalidOperationException("nothing was thrown");
    }
}
