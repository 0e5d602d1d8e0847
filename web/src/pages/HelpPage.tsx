import { Empty } from 'antd';
export default function HelpPage() {
  return <Empty description="帮助" />;
}
