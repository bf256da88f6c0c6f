using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;
using Orleans.TestingHost;

namespace ModularGov.Testing;

/// <summary>
/// How many bytes a grain's own state takes in its storage, in Orleans' binary format: what each write of the grain
/// costs. Read as the grain class declares its state, so a test states a bound whatever the state's shape.
/// </summary>
internal static class StoredStates
{
    public static async Task<int> StoredStateSizeAsync(this InProcessTestCluster cluster, Type grainClass, GrainId grain)
    {
        var parameter = grainClass.GetConstructors().Single().GetParameters().Single(p => p.GetCustomAttribute<PersistentStateAttribute>() is not null);
        var declared = parameter.GetCustomAttribute<PersistentStateAttribute>()!;
        var services = cluster.Silos[0].ServiceProvider;
        var read = typeof(StoredStates).GetMethod(nameof(ReadAsync), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(parameter.ParameterType.GetGenericArguments()[0]);
        var state = await (Task<object>)read.Invoke(null, [services.GetRequiredKeyedService<IGrainStorage>(declared.StorageName), declared.StateName, grain])!;
        return services.GetRequiredService<Serializer>().SerializeToArray(state).Length;
    }

    private static async Task<object> ReadAsync<T>(IGrainStorage storage, string stateName, GrainId grain) where T : new()
    {
        var stored = new GrainState<T>(new T());
        await storage.ReadStateAsync(stateName, grain, stored);
        return stored.State!;
    }
}
