using Microsoft.EntityFrameworkCore;

namespace TicketSaas.Modules.Planted.Persistence;

internal sealed class PlantedDbContext : DbContext;

/// <summary>Encapsulation: a public DbContext.</summary>
public sealed class PublicPlantedDbContext : DbContext;
