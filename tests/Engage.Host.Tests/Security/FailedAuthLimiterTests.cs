using Engage.Host.Security;
using Engage.Host.Tests.Infrastructure;

namespace Engage.Host.Tests.Security;

/// <summary>The failed-authentication limiter on its own, with a clock moved by hand.</summary>
public sealed class FailedAuthLimiterTests
{
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 6, 1, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void RecordFailure_RepeatedLockouts_DoubleAndStopAtTheCap()
    {
        var limiter = Limiter(new FailedAuthOptions { MaxFailures = 3, LockoutSeconds = 60, MaxLockoutSeconds = 300 });
        var lengths = new List<double>();

        for (var round = 0; round < 5; round++)
        {
            var lockout = Fail(limiter, "192.0.2.1", 3);
            lockout.Should().NotBeNull();
            lengths.Add(lockout!.RetryAfter.TotalSeconds);
            _clock.Advance(lockout.RetryAfter);
        }

        lengths.Should().Equal(60, 120, 240, 300, 300);
    }

    [Fact]
    public void RecordFailure_QuietForTheLongestLockout_StartsAgainFromTheFirstLength()
    {
        var limiter = Limiter(new FailedAuthOptions { MaxFailures = 3, LockoutSeconds = 60, MaxLockoutSeconds = 300 });
        _clock.Advance(Fail(limiter, "192.0.2.1", 3)!.RetryAfter);
        _clock.Advance(Fail(limiter, "192.0.2.1", 3)!.RetryAfter);

        _clock.Advance(TimeSpan.FromSeconds(300));

        Fail(limiter, "192.0.2.1", 3)!.RetryAfter.Should().Be(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public void RecordFailure_FailuresSpreadOverMoreThanTheWindow_NeverLockOut()
    {
        var limiter = Limiter(new FailedAuthOptions { MaxFailures = 10, WindowSeconds = 60 });

        for (var i = 0; i < 100; i++)
        {
            limiter.RecordFailure("192.0.2.1").Should().BeNull("one failure every 6 s decays as fast as it comes");
            _clock.Advance(TimeSpan.FromSeconds(6));
        }

        Fail(limiter, "192.0.2.1", 9).Should().BeNull();
        limiter.RecordFailure("192.0.2.1").Should().NotBeNull("ten failures within the window lock out");
    }

    [Fact]
    public void RecordSuccess_NotLockedOut_ResetsTheCount_LockedOut_DoesNotEndTheLockout()
    {
        var limiter = Limiter(new FailedAuthOptions { MaxFailures = 10 });
        Fail(limiter, "192.0.2.1", 9).Should().BeNull();

        limiter.RecordSuccess("192.0.2.1");
        Fail(limiter, "192.0.2.1", 9).Should().BeNull("the success cleared the nine earlier failures");
        var lockout = limiter.RecordFailure("192.0.2.1");
        lockout.Should().NotBeNull();
        lockout!.Failures.Should().Be(10);

        limiter.RecordSuccess("192.0.2.1");
        limiter.LockedOut("192.0.2.1").Should().NotBeNull();
        limiter.LockedOut("192.0.2.2").Should().BeNull();
    }

    [Fact]
    public void Touch_AFloodOfAddresses_KeepsAtMostTheCapAndForgetsTheLeastRecentlySeen()
    {
        var limiter = Limiter(new FailedAuthOptions { MaxFailures = 1, MaxTrackedAddresses = 100 });
        limiter.RecordFailure("198.51.100.1").Should().NotBeNull();

        for (var i = 0; i < 50_000; i++)
        {
            limiter.RecordFailure($"10.{i >> 16}.{(i >> 8) & 255}.{i & 255}");
        }

        limiter.TrackedAddresses.Should().Be(100);
        limiter.LockedOut("198.51.100.1").Should().BeNull("the oldest address was forgotten");
        limiter.LockedOut("10.0.195.79").Should().NotBeNull("the most recent address is still tracked");
    }

    [Fact]
    public void Constructor_SettingThatWouldSwitchTheLimiterOff_Throws()
    {
        var act = () => Limiter(new FailedAuthOptions { MaxFailures = 0 });

        act.Should().Throw<InvalidOperationException>().WithMessage("*MaxFailures*");
    }

    private FailedAuthLimiter Limiter(FailedAuthOptions options) => new(options, _clock);

    private static FailedAuthLimiter.Lockout? Fail(FailedAuthLimiter limiter, string address, int times)
    {
        FailedAuthLimiter.Lockout? last = null;
        for (var i = 0; i < times; i++)
        {
            last = limiter.RecordFailure(address);
        }

        return last;
    }
}
