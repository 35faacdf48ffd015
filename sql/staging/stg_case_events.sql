-- One step of a case's pathway. Notes dropped. Partitioned by month in the lake.
with source as (select * from valid_case_events),

pseudonymized as (
    select source.*, c.key as case_key, op.key as operator_key
    from source
    left join pmap_case c      on c.id  = source.case_id
    left join pmap_operator op on op.id = source.operator_id
),

renamed as (
    select
        -- ids
        event_id,
        case_key,
        operator_key,
        -- event
        event_type,
        outcome,
        cast(event_date as date)     as event_date,
        left(event_date, 7)          as month
    from pseudonymized
)

select * from renamed
