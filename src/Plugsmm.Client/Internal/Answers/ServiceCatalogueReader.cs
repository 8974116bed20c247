using System.Globalization;

namespace Plugsmm.Client;

/// <summary>
/// The answer to <c>services</c>: a JSON array of services, each field as panels write it (<see cref="ServiceDto"/>).
/// A service that is null or lacks a readable <c>service</c>, <c>rate</c>, <c>min</c> or <c>max</c> makes the answer
/// unexpected: a catalogue is never returned with services missing.
/// </summary>
internal static class ServiceCatalogueReader
{
    public static IReadOnlyList<Service> Read(PanelAnswer answer)
    {
        var dtos = answer.ReadList(AnswerJsonContext.Default.ListServiceDto);
        answer.ThrowIfError(null);
        var services = new Service[dtos.Count];
        for (var i = 0; i < dtos.Count; i++)
        {
            var dto = dtos[i] ?? throw answer.Unexpected($"service #{Index(i)} is null");
            services[i] = new Service
            {
                Id = dto.Service ?? throw Missing(answer, i, "service"),
                Name = dto.Name ?? string.Empty,
                Type = dto.Type ?? string.Empty,
                Category = dto.Category ?? string.Empty,
                RatePer1000 = dto.Rate ?? throw Missing(answer, i, "rate"),
                Min = dto.Min ?? throw Missing(answer, i, "min"),
                Max = dto.Max ?? throw Missing(answer, i, "max"),
                Refill = dto.Refill,
                Cancel = dto.Cancel,
                DripFeed = dto.DripFeed,
            };
        }

        return services;
    }

    private static PlugsmmException Missing(PanelAnswer answer, int index, string field) =>
        answer.Unexpected($"service #{Index(index)} has no readable '{field}'");

    private static string Index(int index) => index.ToString(CultureInfo.InvariantCulture);
}
