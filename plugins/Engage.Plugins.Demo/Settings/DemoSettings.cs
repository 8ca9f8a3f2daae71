using System.Globalization;
using Engage.Sdk.Connectors;
using Engage.Sdk.Failures;

namespace Engage.Plugins.Demo.Settings;

/// <summary>The demo connection's settings: all non-secret, all optional.</summary>
/// <param name="Seed">Selects one invented world; the same seed always gives the same data.</param>
/// <param name="HistoryDays">How many days before the first sync the history starts.</param>
/// <param name="Activity">How busy the accounts are.</param>
internal sealed record DemoSettings(int Seed, int HistoryDays, ActivityLevel Activity)
{
    public const string SeedKey = "seed";
    public const string HistoryDaysKey = "historyDays";
    public const string ActivityKey = "activity";
    public const int DefaultSeed = 42;
    public const int DefaultHistoryDays = 90;
    public const int MaxHistoryDays = 365;

    public static DemoSettings Default { get; } = new(DefaultSeed, DefaultHistoryDays, ActivityLevel.Normal);

    /// <summary>The volume multiplier of <see cref="Activity"/>.</summary>
    public double ActivityFactor => Activity switch
    {
        ActivityLevel.Low => 0.5,
        ActivityLevel.High => 2.0,
        _ => 1.0,
    };

    public static IReadOnlyList<SettingDefinition> Definitions { get; } =
    [
        new(SeedKey, "Seed")
        {
            Description = "A whole number that selects one invented world. The same seed always produces the same posts, people and figures.",
            DefaultValue = DefaultSeed.ToString(CultureInfo.InvariantCulture),
        },
        new(HistoryDaysKey, "History (days)")
        {
            Description = $"How many days of history the first sync invents, from 1 to {MaxHistoryDays}.",
            DefaultValue = DefaultHistoryDays.ToString(CultureInfo.InvariantCulture),
        },
        new(ActivityKey, "Activity")
        {
            Description = "How busy the accounts are: low, normal or high.",
            DefaultValue = "normal",
        },
    ];

    /// <summary>Checks the settings without side effects; an empty list means they are fine.</summary>
    public static IReadOnlyList<SettingError> Validate(IReadOnlyDictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errors = new List<SettingError>();
        TryRead(settings, errors, out _);
        return errors;
    }

    /// <summary>Reads the settings, applying defaults; throws a permanent failure when they are invalid.</summary>
    public static DemoSettings Read(IReadOnlyDictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errors = new List<SettingError>();
        var result = TryRead(settings, errors, out var read);
        return result
            ? read
            : throw new PluginException(
                "The demo connection's settings are invalid: " + string.Join(" ", errors.Select(e => e.Message)),
                PluginFailureKind.Permanent);
    }

    private static bool TryRead(IReadOnlyDictionary<string, string?> settings, List<SettingError> errors, out DemoSettings read)
    {
        var seed = DefaultSeed;
        if (Value(settings, SeedKey) is { } seedText
            && !int.TryParse(seedText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out seed))
        {
            errors.Add(new SettingError(SeedKey, $"Seed must be a whole number such as 42 (got '{seedText}')."));
        }

        var days = DefaultHistoryDays;
        if (Value(settings, HistoryDaysKey) is { } daysText
            && (!int.TryParse(daysText, NumberStyles.None, CultureInfo.InvariantCulture, out days) || days < 1 || days > MaxHistoryDays))
        {
            errors.Add(new SettingError(HistoryDaysKey, $"History (days) must be a whole number from 1 to {MaxHistoryDays} (got '{daysText}')."));
        }

        var activity = ActivityLevel.Normal;
        if (Value(settings, ActivityKey) is { } activityText)
        {
            switch (activityText.ToLowerInvariant())
            {
                case "low": activity = ActivityLevel.Low; break;
                case "normal": activity = ActivityLevel.Normal; break;
                case "high": activity = ActivityLevel.High; break;
                default:
                    errors.Add(new SettingError(ActivityKey, $"Activity must be low, normal or high (got '{activityText}')."));
                    break;
            }
        }

        read = new DemoSettings(seed, days, activity);
        return errors.Count == 0;
    }

    private static string? Value(IReadOnlyDictionary<string, string?> settings, string key) =>
        settings.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
