namespace Engage.Host.Security;

/// <summary>
/// Counts failed authentications per client address (<see cref="ClientAddress"/>) in a decaying window and locks an
/// address out after <see cref="FailedAuthOptions.MaxFailures"/> of them; each further lockout lasts twice as long, up
/// to a cap. Memory is bounded: at most <see cref="FailedAuthOptions.MaxTrackedAddresses"/> addresses are kept, the
/// least recently seen is forgotten first.
/// </summary>
internal sealed class FailedAuthLimiter
{
    private readonly FailedAuthOptions _options;
    private readonly TimeProvider _time;
    private readonly double _decayPerSecond;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _recency = new();

    public FailedAuthLimiter(FailedAuthOptions options, TimeProvider time)
    {
        options.Validate();
        _options = options;
        _time = time;
        _decayPerSecond = options.MaxFailures / options.WindowSeconds;
    }

    /// <summary>A lockout that has just started: the address key, the failures that started it, and when it ends.</summary>
    public sealed record Lockout(string Address, int Failures, int Strike, DateTimeOffset Until, TimeSpan RetryAfter);

    /// <summary>The number of addresses tracked now.</summary>
    public int TrackedAddresses
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>A lockout in progress: when it ends and how long that is from now.</summary>
    public readonly record struct Wait(DateTimeOffset Until, TimeSpan Remaining);

    /// <summary>The lockout <paramref name="address"/> is under, or null when it may authenticate.</summary>
    public Wait? LockedOut(string address)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            return _entries.TryGetValue(address, out var node) && node.Value.LockedUntil > now
                ? new Wait(node.Value.LockedUntil, node.Value.LockedUntil - now)
                : null;
        }
    }

    /// <summary>Counts a failure; returns the lockout it starts, or null when the address may keep trying.</summary>
    public Lockout? RecordFailure(string address)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            var entry = Touch(address);
            if (entry.LockedUntil > now)
            {
                return null;
            }

            var elapsed = Math.Max(0, (now - entry.ScoreAt).TotalSeconds);
            entry.Score = Math.Max(0, entry.Score - (elapsed * _decayPerSecond));
            if (entry.Score < 1e-9)
            {
                entry.Score = 0;
                entry.Failures = 0;
            }

            entry.Score += 1;
            entry.ScoreAt = now;
            entry.Failures++;
            if (entry.Score < _options.MaxFailures)
            {
                return null;
            }

            if (entry.Strikes > 0 && now - entry.LockedUntil >= TimeSpan.FromSeconds(_options.MaxLockoutSeconds))
            {
                entry.Strikes = 0;
            }

            var seconds = Math.Min(_options.LockoutSeconds * Math.Pow(2, Math.Min(entry.Strikes, 30)), _options.MaxLockoutSeconds);
            var length = TimeSpan.FromSeconds(seconds);
            entry.Strikes++;
            entry.LockedUntil = now + length;
            var lockout = new Lockout(address, entry.Failures, entry.Strikes, entry.LockedUntil, length);
            entry.Score = 0;
            entry.Failures = 0;
            return lockout;
        }
    }

    /// <summary>A successful authentication clears the failure count, unless the address is locked out.</summary>
    public void RecordSuccess(string address)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (_entries.TryGetValue(address, out var node) && node.Value.LockedUntil <= now)
            {
                node.Value.Score = 0;
                node.Value.Failures = 0;
            }
        }
    }

    private Entry Touch(string address)
    {
        if (_entries.TryGetValue(address, out var node))
        {
            _recency.Remove(node);
            _recency.AddLast(node);
            return node.Value;
        }

        if (_entries.Count >= _options.MaxTrackedAddresses)
        {
            var oldest = _recency.First!;
            _recency.RemoveFirst();
            _entries.Remove(oldest.Value.Address);
        }

        node = _recency.AddLast(new Entry(address));
        _entries[address] = node;
        return node.Value;
    }

    private sealed class Entry(string address)
    {
        public string Address { get; } = address;
        public double Score { get; set; }
        public DateTimeOffset ScoreAt { get; set; }
        public int Failures { get; set; }
        public int Strikes { get; set; }
        public DateTimeOffset LockedUntil { get; set; } = DateTimeOffset.MinValue;
    }
}
