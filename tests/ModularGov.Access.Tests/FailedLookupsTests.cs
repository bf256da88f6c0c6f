using Microsoft.Extensions.Time.Testing;

namespace ModularGov.Access.Tests;

public class FailedLookupsTests
{
    [Fact]
    public void The_cache_of_failed_lookups_never_holds_more_than_its_capacity_and_forgets_after_a_while()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var failed = new FailedLookups(clock);
        for (var i = 0; i < FailedLookups.Capacity * 3; i++)
        {
            failed.Add($"hash-{i}");
            failed.Count.ShouldBeLessThanOrEqualTo(FailedLookups.Capacity);
        }
        var last = $"hash-{FailedLookups.Capacity * 3 - 1}";
        failed.Contains(last).ShouldBeTrue();
        clock.Advance(FailedLookups.RememberFor);
        failed.Contains(last).ShouldBeFalse();
    }
}
