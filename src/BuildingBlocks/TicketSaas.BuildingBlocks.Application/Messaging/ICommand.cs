using MediatR;

namespace TicketSaas.BuildingBlocks.Application.Messaging;

/// <summary>
/// A request that changes state. Commands run inside the unit of work of the module that owns them:
/// everything they change, their audit entry and (later) their outgoing events are saved together or not at all.
/// </summary>
public interface ICommand<out TResult> : IRequest<TResult>;
