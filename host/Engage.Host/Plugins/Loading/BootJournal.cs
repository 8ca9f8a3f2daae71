using System.Text.Json;

namespace Engage.Host.Plugins.Loading;

/// <summary>
/// Remembers which plugin the host was starting when the process died. Before a plugin's code runs for
/// the first time the journal records it; once it is loaded, the entry is cleared. An entry found on the
/// next start means that plugin killed the process (a stack overflow or a native crash, which no catch
/// stops), so it is quarantined until its version changes or the operator clears the journal.
/// </summary>
internal sealed class BootJournal(string path)
{
    private JournalState _state = Read(path);

    public string Path { get; } = path;

    /// <summary>Called once at start: turns an unfinished start into a recorded crash.</summary>
    public string? RecoverCrash(DateTimeOffset now)
    {
        if (_state.Starting is not { } starting)
        {
            return null;
        }

        _state = _state with
        {
            Starting = null,
            Crashed = new Dictionary<string, CrashRecord>(_state.Crashed) { [starting.Id] = new(starting.Version, now) },
        };
        Save();
        return starting.Id;
    }

    public CrashRecord? CrashOf(string id, string version) =>
        _state.Crashed.TryGetValue(id, out var crash) && crash.Version == version ? crash : null;

    public void Begin(string id, string version)
    {
        _state = _state with { Starting = new StartingRecord(id, version) };
        Save();
    }

    public void End()
    {
        _state = _state with { Starting = null };
        Save();
    }

    private void Save()
    {
        var temp = Path + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
        {
            JsonSerializer.Serialize(stream, _state);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, Path, overwrite: true);
    }

    private static JournalState Read(string path)
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<JournalState>(File.ReadAllText(path)) ?? new() : new();
        }
        catch (JsonException)
        {
            return new(); // a torn journal: start clean rather than refuse to start
        }
    }

    internal sealed record JournalState
    {
        public StartingRecord? Starting { get; init; }
        public IReadOnlyDictionary<string, CrashRecord> Crashed { get; init; } = new Dictionary<string, CrashRecord>();
    }

    internal sealed record StartingRecord(string Id, string Version);

    internal sealed record CrashRecord(string Version, DateTimeOffset At);
}
