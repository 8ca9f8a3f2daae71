using Engage.Sdk.Items;
using Xunit.Abstractions;

namespace Engage.Plugins.Tests.Demo;

public sealed class DemoVolumeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task FirstSync_DefaultSettings_ProducesTheStatedVolumes()
    {
        var batches = await DemoSync.FirstSyncAsync();

        var posts = batches.SelectMany(b => b.Posts).Select(p => p.ExternalId).Distinct().Count();
        var interactions = batches.SelectMany(b => b.Interactions).ToList();
        var contacts = batches.SelectMany(b => b.Contacts).DistinctBy(c => c.ExternalId).ToList();
        output.WriteLine($"batches {batches.Count}, posts {posts}, interactions {interactions.Count}, contacts {contacts.Count}, customers {contacts.Count(c => c.IsCustomer == true)}");
        foreach (var group in interactions.GroupBy(i => (i.Kind, i.Direction)).OrderBy(g => g.Key))
        {
            output.WriteLine($"  {group.Key.Kind} {group.Key.Direction}: {group.Count()}");
        }

        output.WriteLine($"conversations {interactions.Where(i => i.ConversationExternalId is not null).Select(i => i.ConversationExternalId).Distinct().Count()}");
        output.WriteLine($"languages {string.Join(", ", batches.SelectMany(b => b.Posts).DistinctBy(p => p.ExternalId).GroupBy(p => p.Language).Select(g => $"{g.Key} {g.Count()}"))}");

        batches.Count.Should().BeInRange(90, 92);
        posts.Should().BeInRange(240, 360);
        interactions.Count.Should().BeInRange(2_500, 7_000);
        contacts.Count.Should().BeInRange(200, 500);
        ((double)contacts.Count(c => c.IsCustomer == true) / contacts.Count).Should().BeInRange(0.05, 0.16);
        interactions.Count(i => i.Direction == InteractionDirection.Outbound).Should().BeLessThan(interactions.Count / 3);
    }

    [Fact]
    public async Task FirstSync_ActivitySetting_ScalesTheVolume()
    {
        static async Task<int> PostsAsync(string activity) =>
            (await DemoSync.FirstSyncAsync(activity: activity)).SelectMany(b => b.Posts).Select(p => p.ExternalId).Distinct().Count();

        var low = await PostsAsync("low");
        var normal = await PostsAsync("normal");
        var high = await PostsAsync("high");

        output.WriteLine($"posts: low {low}, normal {normal}, high {high}");
        low.Should().BeInRange(normal * 35 / 100, normal * 65 / 100);
        high.Should().BeInRange(normal * 16 / 10, normal * 24 / 10);
    }
}
