using System.Globalization;
using System.Text.Json;
using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;
using ModularGov.Host.Storage;
using ModularGov.Host.Tests.Infrastructure;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace ModularGov.Host.Tests.Storage;

/// <summary>Keys are compared byte for byte: records whose ids differ only in case are two records, and an older file is migrated.</summary>
public sealed class OrdinalKeysTests : IDisposable
{
    private sealed class JsonSerializer : IGrainStorageSerializer
    {
        public BinaryData Serialize<T>(T? input) => BinaryData.FromObjectAsJson(input);
        public T Deserialize<T>(BinaryData input) => input.ToObjectFromJson<T>(JsonSerializerOptions.Default)!;
    }

    public sealed class Note
    {
        public string Text { get; set; } = "";
    }

    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Two_records_whose_keys_differ_only_in_case_are_kept_apart()
    {
        using var store = new LiteDbStore(_folder.Path, NullLogger.Instance, fsyncOnCommit: false);
        var storage = new LiteDbGrainStorage(store, new JsonSerializer());
        // An idempotency key is the client's own string: "Report-7" and "report-7" are two clients' reports.
        foreach (var key in new[] { "Report-7", "report-7" })
            await storage.WriteStateAsync("dispatch-source", GrainId.Create("dispatch-source", key), new GrainState<Note>(new Note { Text = key }));

        foreach (var key in new[] { "Report-7", "report-7" })
        {
            var read = new GrainState<Note>(new Note());
            await storage.ReadStateAsync("dispatch-source", GrainId.Create("dispatch-source", key), read);
            read.State!.Text.ShouldBe(key);
        }
        store.Database.Collation.SortOptions.ShouldBe(CompareOptions.Ordinal);
    }

    [Fact]
    public void A_file_made_with_the_culture_collation_is_copied_into_an_ordinal_one_at_open_with_its_records_and_indexes()
    {
        var file = Path.Combine(_folder.Path, LiteDbStore.FileName);
        var ignoreCase = new Collation(CultureInfo.GetCultureInfo("zh-CN").LCID, CompareOptions.IgnoreCase);
        using (var old = new LiteDatabase(new ConnectionString { Filename = file, Connection = ConnectionType.Direct, Collation = ignoreCase }))
        {
            // More than the 2,550 records with an index on which LiteDB 5.0.21's own rebuild fails.
            old.GetCollection("reminders").InsertBulk(Enumerable.Range(0, 3000).Select(i => new BsonDocument { ["_id"] = $"Grain-{i}/deadline", ["hash"] = (long)i * 7 }));
            old.GetCollection("reminders").EnsureIndex("hash");
            old.GetCollection("grainstate").Insert(new BsonDocument { ["_id"] = "Key-A", ["etag"] = "3", ["updated"] = new DateTime(2026, 12, 24, 1, 2, 3, DateTimeKind.Utc) });
            old.UserVersion = 4;
        }

        using (var store = new LiteDbStore(_folder.Path, NullLogger.Instance, fsyncOnCommit: false))
        {
            var database = store.Database;
            database.Collation.SortOptions.ShouldBe(CompareOptions.Ordinal);
            database.UserVersion.ShouldBe(4);
            database.GetCollection("reminders").Count().ShouldBe(3000);
            database.GetCollection("reminders").FindOne(Query.EQ("hash", 7L * 2999))["_id"].AsString.ShouldBe("Grain-2999/deadline");
            var indexed = database.GetCollection("$indexes").Find(Query.EQ("collection", "reminders")).Select(i => i["name"].AsString).Order().ToList();
            indexed.ShouldBe(["_id", "hash"]);
            var kept = database.GetCollection("grainstate").FindById("Key-A");
            kept["updated"].AsDateTime.ToUniversalTime().ShouldBe(new DateTime(2026, 12, 24, 1, 2, 3, DateTimeKind.Utc));
            // The old file took "key-a" for "Key-A"; the new one keeps them apart.
            database.GetCollection("grainstate").FindById("key-a").ShouldBeNull();
            database.GetCollection("grainstate").Insert(new BsonDocument { ["_id"] = "key-a" });
            database.GetCollection("grainstate").Count().ShouldBe(2);
        }
        File.Exists(file + OrdinalFiles.BeforeOrdinal).ShouldBeTrue("the original file is kept beside the new one");

        // Opened again, the file is already ordinal and is left as it is.
        var written = File.GetLastWriteTimeUtc(file + OrdinalFiles.BeforeOrdinal);
        using (var again = new LiteDbStore(_folder.Path, NullLogger.Instance, fsyncOnCommit: false))
            again.Database.GetCollection("grainstate").Count().ShouldBe(2);
        File.GetLastWriteTimeUtc(file + OrdinalFiles.BeforeOrdinal).ShouldBe(written);
    }

    public void Dispose() => _folder.Dispose();
}
