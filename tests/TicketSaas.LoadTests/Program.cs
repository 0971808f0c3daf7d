using TicketSaas.LoadTests;

// The same executable serves the bare endpoint, started as a child process like the hosts it is compared with.
if (args is [BareEndpoint.Command, ..])
{
    await BareEndpoint.RunAsync(args[1..]);
    return 0;
}

LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (ArgumentException invalid)
{
    Console.Error.WriteLine(invalid.Message);
    return 2;
}

return await (options.Api ? ApiBenchmark.RunAsync(options) : Benchmark.RunAsync(options)) ? 0 : 1;
