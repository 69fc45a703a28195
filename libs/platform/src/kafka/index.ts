export * from './kafka.types';
export * from './kafka-client';
export * from './kafka-admin';
export * from './kafkajs-publisher';
export * from './kafkajs-subscriber';
export * from './kafka.module';
