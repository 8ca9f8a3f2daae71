namespace Engage.Plugins.SummaryReport.Summary;

/// <summary>First-response times of the answered conversations, and their median.</summary>
internal sealed class FirstResponses
{
    private readonly List<long> _seconds = [];

    public long Conversations { get; private set; }

    public long Answered => _seconds.Count;

    public void Add(long? firstResponseSeconds)
    {
        Conversations++;
        if (firstResponseSeconds is { } seconds and >= 0)
        {
            _seconds.Add(seconds);
        }
    }

    /// <summary>The median in whole seconds (the mean of the two middle values when the count is even); null when none was answered.</summary>
    public long? MedianSeconds()
    {
        if (_seconds.Count == 0)
        {
            return null;
        }

        var sorted = _seconds.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (long)Math.Round((sorted[middle - 1] + sorted[middle]) / 2.0, MidpointRounding.AwayFromZero);
    }
}
