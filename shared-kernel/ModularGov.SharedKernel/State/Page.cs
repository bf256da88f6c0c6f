namespace ModularGov.SharedKernel.State;

/// <summary>A page of a list kept in a <see cref="PagedList{T}"/>, oldest first; <see cref="NextAfter"/> is where the next page starts, null after the last.</summary>
[GenerateSerializer, Immutable]
public sealed record Page<T>([property: Id(0)] IReadOnlyList<T> Items, [property: Id(1)] int? NextAfter);
