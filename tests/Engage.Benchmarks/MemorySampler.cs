using System.Diagnostics;

namespace Engage.Benchmarks;

/// <summary>Samples the process working set and the GC heap every few milliseconds and keeps the maxima.</summary>
internal sealed class MemorySampler : IDisposable
{
    private readonly Timer _timer;
    private readonly Process _process = Process.GetCurrentProcess();
    private readonly Lock _gate = new();
    private bool _disposed;

    public MemorySampler() => _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(20));

    public long MaxWorkingSet { get; private set; }

    public long MaxManagedHeap { get; private set; }

    public void Sample()
    {
        lock (_gate)
        {
            // The timer may still fire once after Dispose; the process object is gone by then.
            if (_disposed)
            {
                return;
            }

            _process.Refresh();
            MaxWorkingSet = Math.Max(MaxWorkingSet, _process.WorkingSet64);
            MaxManagedHeap = Math.Max(MaxManagedHeap, GC.GetGCMemoryInfo().HeapSizeBytes);
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        Sample();
        lock (_gate)
        {
            _disposed = true;
            _process.Dispose();
        }
    }
}
