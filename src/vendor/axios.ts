/** axios, on first use (see README.md here): only the commands that go to the network load it. */
import axios from 'axios';

export type Axios = typeof axios;
export const load = (): Axios => axios;
export default axios;
