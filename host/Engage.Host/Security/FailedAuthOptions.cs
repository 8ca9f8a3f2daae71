namespace Engage.Host.Security;

/// <summary>
/// The <c>Engage:Security:FailedAuth</c> settings: how many failed authentications one client address may make
/// before it is locked out, and for how long.
/// </summary>
internal sealed class FailedAuthOptions
{
    /// <summary>Failures within <see cref="WindowSeconds"/> that start a lockout (the count decays evenly over the window).</summary>
    public int MaxFailures { get; set; } = 10;

    /// <summary>The window over which <see cref="MaxFailures"/> failures decay to none.</summary>
    public double WindowSeconds { get; set; } = 60;

    /// <summary>The first lockout; each further lockout of the same address doubles it, up to <see cref="MaxLockoutSeconds"/>.</summary>
    public double LockoutSeconds { get; set; } = 60;

    /// <summary>The longest lockout; an address quiet for this long after a lockout starts again from <see cref="LockoutSeconds"/>.</summary>
    public double MaxLockoutSeconds { get; set; } = 3600;

    /// <summary>Addresses tracked at once; beyond it the least recently seen is forgotten.</summary>
    public int MaxTrackedAddresses { get; set; } = 10_000;

    /// <summary>Throws when a setting is out of range, so that a typo does not switch the limiter off.</summary>
    public void Validate()
    {
        if (MaxFailures < 1 || !(WindowSeconds > 0) || !(LockoutSeconds > 0) || !(MaxLockoutSeconds >= LockoutSeconds) || MaxTrackedAddresses < 1)
        {
            throw new InvalidOperationException(
                "Engage:Security:FailedAuth needs MaxFailures >= 1, WindowSeconds > 0, LockoutSeconds > 0, " +
                "MaxLockoutSeconds >= LockoutSeconds and MaxTrackedAddresses >= 1.");
        }
    }
}
