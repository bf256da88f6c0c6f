using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;
using ModularGov.Host.Audit;
using ModularGov.Host.Tests.Infrastructure;

namespace ModularGov.Host.Tests.Audit;

/// <summary>The chain on disk: intact as written, and each kind of tampering with the stored file named by the check.</summary>
public sealed class AuditChainTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = new();

    private async Task WriteAsync(int count, string hash = AuditHashes.Sha256, DateTimeOffset? from = null)
    {
        using var trail = new AuditTrail(_folder.Path, new AuditOptions { Hash = hash }, NullLogger.Instance);
        for (var i = 0; i < count; i++)
            await trail.AppendAsync(new AuditEntry { AtTicks = (from ?? Start).AddMinutes(i).UtcTicks, Actor = $"tok{i}", Method = "POST", Outcome = AuditOutcomes.Succeeded, Status = 201 });
    }

    private AuditVerification Verify()
    {
        using var trail = new AuditTrail(_folder.Path, new AuditOptions(), NullLogger.Instance);
        return trail.Verify();
    }

    /// <summary>Changes the stored file the way someone with the disk could, outside the host.</summary>
    private void Tamper(Action<ILiteCollection<BsonDocument>> change)
    {
        using var file = new LiteDatabase(Path.Combine(_folder.Path, AuditTrail.FileName));
        change(file.GetCollection("entries"));
    }

    [Fact]
    public async Task A_chain_as_written_verifies_and_survives_a_reopen()
    {
        await WriteAsync(5);
        await WriteAsync(3);
        var result = Verify();
        result.Intact.ShouldBeTrue(result.Problem);
        (result.Checked, result.FirstSeq, result.LastSeq).ShouldBe((8L, 1L, 8L));
    }

    [Fact]
    public async Task An_edited_entry_is_named()
    {
        await WriteAsync(6);
        Tamper(entries =>
        {
            var entry = entries.FindById(4);
            entry["Actor"] = "someone-else";
            entries.Update(entry).ShouldBeTrue();
        });
        var result = Verify();
        result.Intact.ShouldBeFalse();
        result.BrokenAt.ShouldBe(4);
        result.Problem!.ShouldContain("altered");
        result.Checked.ShouldBe(3);
    }

    [Fact]
    public async Task An_entry_edited_with_its_hash_recomputed_is_named_by_the_broken_link()
    {
        await WriteAsync(6);
        Tamper(entries =>
        {
            var entry = entries.FindById(2);
            entry["Outcome"] = AuditOutcomes.Refused;
            var rehashed = AuditTrail.NewMapper().ToObject<AuditEntry>(entry);
            entry["Hash"] = rehashed.ComputeHash();
            entries.Update(entry).ShouldBeTrue();
        });
        var result = Verify();
        result.Intact.ShouldBeFalse();
        result.BrokenAt.ShouldBe(3);
        result.Problem!.ShouldContain("entry 2 was altered or replaced");
    }

    [Fact]
    public async Task A_removed_entry_is_named()
    {
        await WriteAsync(6);
        Tamper(entries => entries.Delete(3).ShouldBeTrue());
        var result = Verify();
        result.Intact.ShouldBeFalse();
        result.BrokenAt.ShouldBe(3);
        result.Problem!.ShouldContain("entries 3–3 were removed");
    }

    [Fact]
    public async Task Entries_removed_from_the_end_are_named_by_the_head()
    {
        await WriteAsync(6);
        Tamper(entries => entries.DeleteMany(Query.GT("_id", 4)).ShouldBe(2));
        var result = Verify();
        result.Intact.ShouldBeFalse();
        result.BrokenAt.ShouldBe(5);
        result.Problem!.ShouldContain("entries 5–6 were removed from the end");
    }

    [Fact]
    public async Task The_purge_removes_only_the_oldest_and_the_chain_still_verifies_from_its_anchor()
    {
        await WriteAsync(4, from: Start);
        await WriteAsync(3, from: Start.AddDays(200));
        using (var trail = new AuditTrail(_folder.Path, new AuditOptions(), NullLogger.Instance))
        {
            (await trail.PurgeAsync(Start.AddDays(100))).ShouldBe(4);
            (await trail.PurgeAsync(Start.AddDays(100))).ShouldBe(0);
            trail.Query(new AuditFilter(), 0, 100).Entries.Select(e => e.Seq).ShouldBe([5L, 6L, 7L]);
        }
        var result = Verify();
        result.Intact.ShouldBeTrue(result.Problem);
        (result.FirstSeq, result.LastSeq).ShouldBe((5L, 7L));
        Tamper(entries => entries.Delete(5).ShouldBeTrue());
        Verify().BrokenAt.ShouldBe(5);
    }

    [Fact]
    public void Sm3_gives_the_standard_test_vector()
    {
        // GB/T 32905-2016, appendix A.1.
        AuditHashes.Of(AuditHashes.Sm3, "abc").ShouldBe("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
        AuditHashes.Of(AuditHashes.Sha256, "abc").ShouldBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    [Fact]
    public async Task A_chain_that_moves_from_sha256_to_sm3_verifies_and_each_entry_says_its_hash()
    {
        await WriteAsync(2, AuditHashes.Sha256);
        await WriteAsync(2, AuditHashes.Sm3);
        Verify().Intact.ShouldBeTrue();
        using var trail = new AuditTrail(_folder.Path, new AuditOptions(), NullLogger.Instance);
        trail.Query(new AuditFilter(), 0, 10).Entries.Select(e => e.Algorithm).ShouldBe(["sha256", "sha256", "sm3", "sm3"]);
    }

    [Theory]
    [InlineData("179", "Audit:RetentionDays must be between 180 and 36500 (was 179)")]
    [InlineData("0", "Audit:RetentionDays must be between 180 and 36500 (was 0)")]
    public void Retention_below_six_months_is_refused_naming_the_key(string days, string problem)
    {
        new AuditOptions { RetentionDays = int.Parse(days) }.Problems().ShouldBe([problem]);
        new AuditOptions { Hash = "md5" }.Problems().ShouldBe(["Audit:Hash must be one of sha256, sm3 (was 'md5')"]);
        new AuditOptions().Problems().ShouldBeEmpty();
    }

    public void Dispose() => _folder.Dispose();
}
