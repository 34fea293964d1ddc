/**
 * @attendance-kit/adapter-arbor: Reads Arbor MIS exports: REST API entity JSON (adapter `arbor`) and the BI Connector ATTENDANCE dataset (adapter `arbor-bi`).
 * @module
 */
export {};
