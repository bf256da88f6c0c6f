using System.Text.Json;
using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;
using ModularGov.Host.Storage;
using ModularGov.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace ModularGov.Host.Tests.Storage;

public sealed class LiteDbGrainStorageTests : IDisposable
{
    public sealed class Counter
    {
        public int Value { get; set; }
        public string Note { get; set; } = "";
    }

    /// <summary>JSON is enough to exercise the storage; the host uses Orleans' own storage serializer.</summary>
    private sealed class JsonSerializer : IGrainStorageSerializer
    {
        public BinaryData Serialize<T>(T? input) => BinaryData.FromObjectAsJson(input);
        public T Deserialize<T>(BinaryData input) => input.ToObjectFromJson<T>(JsonSerializerOptions.Default)!;
    }

    private readonly TempFolder _folder = new();
    private readonly GrainId _grain = GrainId.Create("counter", "nanshanlu.g017");

    private LiteDbStore OpenStore() => new(_folder.Path, NullLogger.Instance);

    /// <summary>What the storage holds for the grain's counter now.</summary>
    private static async Task<GrainState<Counter>> ReadBackAsync(LiteDbGrainStorage storage, GrainId grain)
    {
        var state = new GrainState<Counter>(new Counter());
        await storage.ReadStateAsync("counter", grain, state);
        return state;
    }

    [Fact]
    public async Task A_written_state_is_read_back_after_the_file_is_reopened()
    {
        using (var store = OpenStore())
        {
            var storage = new LiteDbGrainStorage(store, new JsonSerializer());
            var state = new GrainState<Counter>(new Counter());
            await storage.ReadStateAsync("counter", _grain, state);
            state.RecordExists.ShouldBeFalse();
            state.ETag.ShouldBeNull();
            state.State!.Value = 42;
            state.State!.Note = "网格 17";
            await storage.WriteStateAsync("counter", _grain, state);
            state.ETag.ShouldBe("1");
        }
        using (var store = OpenStore())
        {
            var state = new GrainState<Counter>(new Counter());
            await new LiteDbGrainStorage(store, new JsonSerializer()).ReadStateAsync("counter", _grain, state);
            state.RecordExists.ShouldBeTrue();
            state.ETag.ShouldBe("1");
            state.State!.Value.ShouldBe(42);
            state.State!.Note.ShouldBe("网格 17");
        }
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_is_refused_and_changes_nothing()
    {
        using var store = OpenStore();
        var storage = new LiteDbGrainStorage(store, new JsonSerializer());
        var first = new GrainState<Counter>(new Counter { Value = 1 });
        await storage.WriteStateAsync("counter", _grain, first);
        var second = new GrainState<Counter>(new Counter());
        await storage.ReadStateAsync("counter", _grain, second);

        second.State!.Value = 2;
        await storage.WriteStateAsync("counter", _grain, second);
        first.State!.Value = 99;
        var refused = await Should.ThrowAsync<InconsistentStateException>(() => storage.WriteStateAsync("counter", _grain, first));
        refused.StoredEtag.ShouldBe("2");
        refused.CurrentEtag.ShouldBe("1");

        (await ReadBackAsync(storage, _grain)).State!.Value.ShouldBe(2);
    }

    [Fact]
    public async Task The_etags_kept_in_memory_stay_under_their_limit_and_a_forgotten_one_is_read_from_the_file()
    {
        using var store = OpenStore();
        var storage = new LiteDbGrainStorage(store, new JsonSerializer(), rememberedETags: 10);
        var states = new List<GrainState<Counter>>();
        for (var i = 0; i < 25; i++)
        {
            var state = new GrainState<Counter>(new Counter { Value = i });
            await storage.WriteStateAsync("counter", GrainId.Create("counter", $"nanshanlu.g{i:D3}"), state);
            states.Add(state);
            storage.RememberedETags.ShouldBeLessThanOrEqualTo(10);
        }
        // The first record's ETag was forgotten: its next write reads the ETag from the file, and a stale one is still refused.
        await storage.WriteStateAsync("counter", GrainId.Create("counter", "nanshanlu.g000"), states[0]);
        var stale = new GrainState<Counter>(new Counter { Value = 99 }) { ETag = "1" };
        await Should.ThrowAsync<InconsistentStateException>(() => storage.WriteStateAsync("counter", GrainId.Create("counter", "nanshanlu.g000"), stale));
    }

    [Fact]
    public async Task A_first_write_over_an_existing_record_is_refused()
    {
        using var store = OpenStore();
        var storage = new LiteDbGrainStorage(store, new JsonSerializer());
        await storage.WriteStateAsync("counter", _grain, new GrainState<Counter>(new Counter { Value = 1 }));
        await Should.ThrowAsync<InconsistentStateException>(() =>
            storage.WriteStateAsync("counter", _grain, new GrainState<Counter>(new Counter { Value = 2 })));
    }

    [Fact]
    public async Task Clearing_removes_the_record_and_checks_the_etag_too()
    {
        using var store = OpenStore();
        var storage = new LiteDbGrainStorage(store, new JsonSerializer());
        var state = new GrainState<Counter>(new Counter { Value = 5 });
        await storage.WriteStateAsync("counter", _grain, state);
        await Should.ThrowAsync<InconsistentStateException>(() =>
            storage.ClearStateAsync("counter", _grain, new GrainState<Counter>(new Counter()) { ETag = "7" }));
        await storage.ClearStateAsync("counter", _grain, state);
        state.RecordExists.ShouldBeFalse();
        (await ReadBackAsync(storage, _grain)).RecordExists.ShouldBeFalse();
    }

    [Fact]
    public async Task States_of_different_grains_and_state_names_are_kept_apart()
    {
        using var store = OpenStore();
        var storage = new LiteDbGrainStorage(store, new JsonSerializer());
        await storage.WriteStateAsync("counter", _grain, new GrainState<Counter>(new Counter { Value = 1 }));
        await storage.WriteStateAsync("other", _grain, new GrainState<Counter>(new Counter { Value = 2 }));
        await storage.WriteStateAsync("counter", GrainId.Create("counter", "nanshanlu.g018"), new GrainState<Counter>(new Counter { Value = 3 }));
        (await ReadBackAsync(storage, _grain)).State!.Value.ShouldBe(1);
    }

    [Fact]
    public async Task A_state_over_the_store_limit_is_refused_by_name_and_the_stored_one_stays()
    {
        using var store = OpenStore();
        var storage = new LiteDbGrainStorage(store, new JsonSerializer());
        var state = new GrainState<Counter>(new Counter { Value = 1 });
        await storage.WriteStateAsync("counter", _grain, state);

        state.State!.Note = new string('x', LiteDbGrainStorage.MaxStateBytes);
        var refused = await Should.ThrowAsync<InvalidOperationException>(() => storage.WriteStateAsync("counter", _grain, state));
        refused.Message.ShouldContain($"state too large, nothing written): counter/{_grain}");
        state.ETag.ShouldBe("1");
        (await ReadBackAsync(storage, _grain)).State!.Note.ShouldBe("");
    }

    [Fact]
    public async Task A_write_the_store_refuses_in_a_batch_leaves_the_other_states_committed_with_their_etags_right()
    {
        using var store = OpenStore();
        var storage = new LiteDbGrainStorage(store, new JsonSerializer());
        var other = GrainId.Create("counter", "nanshanlu.g018");
        var release = new ManualResetEventSlim();
        var held = store.WriteAsync(() => release.Wait());
        var first = new GrainState<Counter>(new Counter { Value = 1 });
        var second = new GrainState<Counter>(new Counter { Value = 2 });
        var writes = new[] { storage.WriteStateAsync("counter", _grain, first), storage.WriteStateAsync("counter", other, second) };
        var refused = store.WriteAsync(() => store.Database.GetCollection("raw").Insert(new BsonDocument { ["_id"] = new string('k', 2000) }));
        var third = storage.WriteStateAsync("counter", GrainId.Create("counter", "nanshanlu.g019"), new GrainState<Counter>(new Counter { Value = 3 }));
        release.Set();

        await held;
        await Task.WhenAll(writes.Append(third));
        await Should.ThrowAsync<LiteException>(refused);
        first.ETag.ShouldBe("1");
        first.State!.Value = 10;
        await storage.WriteStateAsync("counter", _grain, first);
        first.ETag.ShouldBe("2");
        (await ReadBackAsync(storage, other)).State!.Value.ShouldBe(2);
    }

    [Fact]
    public async Task Each_write_flushes_the_log_while_litedb_holds_it_open()
    {
        using var store = OpenStore();
        store.FsyncOnCommit.ShouldBeTrue();
        var storage = new LiteDbGrainStorage(store, new JsonSerializer());
        await storage.WriteStateAsync("counter", _grain, new GrainState<Counter>(new Counter { Value = 1 }));
        File.Exists(store.LogPath).ShouldBeTrue("LiteDB writes a commit to its log first");
        Should.NotThrow(store.MakeDurable);
        Should.NotThrow(() => LogFileSync.Flush(Path.Combine(_folder.Path, "no-such-file.db")));
    }

    [Fact]
    public async Task The_host_stores_state_in_orleans_binary_format_not_its_default_json()
    {
        await using var district = await InProcessDistrict.StartAsync(new Dictionary<string, string> { ["Storage:Provider"] = "LiteDb" });
        district.Host.App.Services.GetRequiredService<IGrainStorageSerializer>().ShouldBeOfType<OrleansGrainStorageSerializer>();
    }

    public void Dispose() => _folder.Dispose();
}
