using System.Globalization;
using Engage.Plugins.Demo.Content;

namespace Engage.Plugins.Demo.Generation;

/// <summary>
/// The people who talk to the library: a fixed pool per network, a pure function of the seed. Low
/// indexes are the regulars (they are picked more often).
/// </summary>
internal sealed class ContactPool
{
    public const int SizePerNetwork = 130;
    private static readonly string[] MastodonInstances = ["mastodon.example", "social.example", "toot.example", "riverside.social.example"];
    private readonly IReadOnlyList<DemoContact>[] _byAccount;

    public ContactPool(int seed)
    {
        _byAccount = DemoAccounts.All.Select(a => Build(seed, a)).ToArray();
    }

    public IReadOnlyList<DemoContact> For(DemoAccount account) => _byAccount[account.Index];

    /// <summary>Picks a contact, the regulars more often than the rest.</summary>
    public static DemoContact PickFrom(IReadOnlyList<DemoContact> contacts, DemoRandom random) =>
        contacts[Math.Min(contacts.Count - 1, (int)(Math.Pow(random.NextDouble(), 1.7) * contacts.Count))];

    private static DemoContact[] Build(int seed, DemoAccount account)
    {
        var handles = new HashSet<string>(StringComparer.Ordinal);
        var contacts = new DemoContact[SizePerNetwork];
        for (var i = 0; i < SizePerNetwork; i++)
        {
            var random = DemoRandom.For(seed, 1000 + account.Index, i, 7);
            var language = Languages.Tags[random.PickWeighted(Languages.Weights)];
            string display, user;
            long followers;
            if (random.Chance(0.06))
            {
                var org = random.Pick(PersonNames.Organisations);
                (display, user, language) = (org.Name, org.Handle, org.Language);
                followers = (long)random.LogUniform(800, 25_000);
            }
            else
            {
                var first = random.Pick(PersonNames.FirstNames(language));
                var last = random.Pick(PersonNames.LastNames(language));
                display = $"{first.Native} {last.Native}";
                user = random.Chance(0.4) ? $"{first.Latin}_{last.Latin}{random.Next(2, 99)}" : $"{first.Latin}_{last.Latin}";
                followers = (long)random.LogUniform(12, 3_000);
            }

            if (!handles.Add(user))
            {
                user += i.ToString(CultureInfo.InvariantCulture);
                handles.Add(user);
            }

            var (handle, url) = Address(account.Network, user, random);
            contacts[i] = new DemoContact(
                i, account.Network, $"{account.Prefix}-contact-{i:000}", handle, display, url, followers, random.Chance(0.1), language)
            {
                FollowSlot = random.Next(365),
                FollowMinute = random.Next(24 * 60),
            };
        }

        return contacts;
    }

    private static (string Handle, string Url) Address(string network, string user, DemoRandom random)
    {
        switch (network)
        {
            case "bluesky":
                var domain = $"{user.Replace('_', '-')}.bsky.example";
                return (domain, $"https://bsky.example/profile/{domain}");
            case "instagram":
                var name = user.Replace('_', '.');
                return (name, $"https://instagram.example/{name}/");
            default:
                var instance = random.Pick(MastodonInstances);
                return ($"@{user}@{instance}", $"https://{instance}/@{user}");
        }
    }
}
