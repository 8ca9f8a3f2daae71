namespace Engage.Plugins.Demo.Generation;

/// <summary>Independent random streams of a day plan, so that each part can change without shifting the others.</summary>
internal enum PlanStream
{
    Posts = 1,
    Mentions = 2,
    Messages = 3,
    Stats = 4,
    FollowerJitter = 5,
}
