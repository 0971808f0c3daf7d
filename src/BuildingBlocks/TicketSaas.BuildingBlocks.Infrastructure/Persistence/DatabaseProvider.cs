namespace TicketSaas.BuildingBlocks.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    MySql,
}
